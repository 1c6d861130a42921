import type { FundEntry } from '@anju/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Modal,
  Space,
  Tag,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime, formatDay } from '../../../ui/format.ts';
import { useAddVoucher, useDecide, useEntry, useFundSetup, useReverse, voucherUrl, yuan } from '../api.ts';
import { EntryStatus } from './EntryStatus.tsx';

type Asking = 'reject' | 'reverse' | 'approve' | null;

/** An entry with its approvals and vouchers, and the decisions the user may take on it. */
export function EntryDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const entry = useEntry(id);
  const setup = useFundSetup();
  const decide = useDecide(id);
  const reverse = useReverse(id);
  const voucher = useAddVoucher(id);
  const [asking, setAsking] = useState<Asking>(null);
  const [form] = Form.useForm<{ text?: string }>();
  const e = entry.data;
  const failed = (err: unknown) => message.error(errorText(err));
  const done = (text: string) => () => (message.success(text), setAsking(null), form.resetFields());

  const approve = (action: 'approve' | 'township', decisionRef?: string) =>
    decide.mutate(
      { action, version: e!.version, decisionRef: decisionRef || undefined },
      { onSuccess: done(t('funds.entry.decided')), onError: failed },
    );
  const submitAsked = ({ text }: { text?: string }) => {
    if (asking === 'reject')
      decide.mutate(
        { action: 'reject', version: e!.version, reason: text },
        { onSuccess: done(t('funds.entry.decided')), onError: failed },
      );
    if (asking === 'approve') approve('approve', text);
    if (asking === 'reverse')
      reverse.mutate(
        { version: e!.version, summary: text ?? '', occurredOn: dayjs().format('YYYY-MM-DD') },
        { onSuccess: done(t('funds.entry.reversed')), onError: failed },
      );
  };
  const person = (p: FundEntry['approvedBy'], at: string | null) =>
    p ? `${p.name} · ${formatDateTime(at)}` : '—';
  const has = (a: FundEntry['actions'][number]) => !!e?.actions.includes(a);

  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 560} title={t('funds.entry.title', { id })}>
      {entry.error ? (
        <ErrorView error={entry.error} />
      ) : e ? (
        <>
          <Descriptions column={1} size="small" bordered data-testid="entry-detail">
            <Descriptions.Item label={t('funds.entry.status')}>
              <EntryStatus entry={e} />
            </Descriptions.Item>
            <Descriptions.Item
              label={t('funds.entry.account')}
            >{`${e.placeName} · ${e.accountName}`}</Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.amountYuan')}>
              {`${t(`funds.directions.${e.direction}`)} ¥${yuan(e.amountFen)}`}
              {e.aboveThreshold && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('funds.entry.large')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.category')}>
              {setup.category(e.category)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.occurredOn')}>
              {formatDay(e.occurredOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.summary')}>{e.summary}</Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.counterparty')}>
              {e.counterparty || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.decisionRef')}>{e.decisionRef || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.recordedBy')}>
              {person(e.recordedBy, e.recordedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.approvedBy')}>
              {person(e.approvedBy, e.approvedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.entry.townshipBy')}>
              {person(e.townshipBy, e.townshipAt)}
            </Descriptions.Item>
            {e.rejectedBy && (
              <Descriptions.Item label={t('funds.entry.rejectedBy')}>
                {`${e.rejectedBy.name}：${e.rejectReason ?? ''}`}
              </Descriptions.Item>
            )}
            {(e.reversesId || e.reversedById) && (
              <Descriptions.Item label={t('funds.entry.reversal')}>
                {e.reversesId
                  ? t('funds.entry.reverses', { id: e.reversesId })
                  : t('funds.entry.reversedBy', { id: e.reversedById })}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('funds.entry.vouchers')}>
              <Space wrap>
                {e.vouchers.length === 0 && '—'}
                {e.vouchers.map((v, i) => (
                  <a
                    key={v.id}
                    href={voucherUrl(v.id)}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="entry-voucher"
                  >
                    {t(
                      v.contentType === 'application/pdf'
                        ? 'funds.entry.voucherPdf'
                        : 'funds.entry.voucherPhoto',
                      { n: i + 1 },
                    )}
                  </a>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {e.aboveThreshold && e.status === 'pending' && (
            <p style={{ marginTop: 8, color: '#8c8c8c' }}>
              {t('funds.entry.largeHint', { source: setup.source })}
            </p>
          )}
          <Space wrap style={{ marginTop: 16 }}>
            {has('approve') && (
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() => (e.aboveThreshold ? setAsking('approve') : approve('approve'))}
                data-testid="entry-approve"
              >
                {t('funds.entry.approve')}
              </Button>
            )}
            {has('township') && (
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() => approve('township')}
                data-testid="entry-township"
              >
                {t('funds.entry.township')}
              </Button>
            )}
            {has('reject') && (
              <Button danger onClick={() => setAsking('reject')} data-testid="entry-reject">
                {t('funds.entry.reject')}
              </Button>
            )}
            {has('reverse') && (
              <Button onClick={() => setAsking('reverse')} data-testid="entry-reverse">
                {t('funds.entry.reverse')}
              </Button>
            )}
            {has('voucher') && (
              <Upload
                accept="image/jpeg,image/png,image/webp,application/pdf"
                showUploadList={false}
                beforeUpload={(file) => {
                  voucher.mutate(file, {
                    onSuccess: () => message.success(t('funds.entry.voucherAdded')),
                    onError: failed,
                  });
                  return false;
                }}
              >
                <Button loading={voucher.isPending} data-testid="entry-add-voucher">
                  {t('funds.entry.addVoucher')}
                </Button>
              </Upload>
            )}
          </Space>
          {asking && (
            <Modal
              open
              title={t(`funds.entry.ask.${asking}`)}
              okText={t('common.save')}
              cancelText={t('common.cancel')}
              onOk={() => form.submit()}
              okButtonProps={
                {
                  loading: decide.isPending || reverse.isPending,
                  'data-testid': 'entry-ask-save',
                } as ButtonProps
              }
              onCancel={() => setAsking(null)}
            >
              <Form form={form} layout="vertical" onFinish={submitAsked}>
                <Form.Item
                  name="text"
                  label={t(`funds.entry.askLabel.${asking}`)}
                  rules={
                    asking === 'approve'
                      ? []
                      : [
                          {
                            required: true,
                            message: t('common.required', { field: t(`funds.entry.askLabel.${asking}`) }),
                          },
                        ]
                  }
                >
                  <Input maxLength={200} data-testid="entry-ask-text" />
                </Form.Item>
              </Form>
            </Modal>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
