import { CONSENT_SHARES, URGENCIES, type Need, type NeedCreateInput } from '@anju/contracts';
import { Button, Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSaveOutcome } from '../../../ui/FormModal.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useListParams } from '../../../ui/useListParams.ts';
import { WorkList } from '../../../ui/WorkList.tsx';
import { useCategories, useNeeds, useRaiseNeed } from '../api.ts';
import { NeedStatusTag } from '../components/NeedTags.tsx';

type Values = Required<
  Pick<NeedCreateInput, 'category' | 'urgency' | 'summary' | 'detail' | 'consentShares'>
>;

function RaiseForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseNeed();
  const categories = useCategories();
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.needs.raised'), stale: t('services.needs.stale') },
    onClose,
  );
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ urgency: 'normal', detail: '', consentShares: [...CONSENT_SHARES] }}
        onFinish={(v) => raise.mutate(v, outcome)}
      >
        <Form.Item
          name="category"
          label={t('services.needs.category')}
          rules={[rules.required(t('services.needs.category'))]}
        >
          <Select options={categories.options} data-testid="raise-category" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('services.needs.summary')}
          rules={[rules.required(t('services.needs.summary'))]}
        >
          <Input maxLength={200} data-testid="raise-summary" />
        </Form.Item>
        <Form.Item name="detail" label={t('services.needs.detail')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="raise-detail" />
        </Form.Item>
        <Form.Item name="urgency" label={t('services.needs.urgency')}>
          <Select options={URGENCIES.map((u) => ({ value: u, label: t(`services.needs.urgencies.${u}`) }))} />
        </Form.Item>
        <Form.Item name="consentShares" label={t('services.needs.consentLabel')}>
          <Checkbox.Group
            data-testid="raise-consent"
            options={CONSENT_SHARES.map((s) => ({ value: s, label: t(`services.needs.shares.${s}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={raise.isPending} data-testid="raise-submit">
          {t('services.needs.raise')}
        </Button>
      </Form>
    </Card>
  );
}

/** A resident's phone page: raise a need for their household, follow each one and rate it when done. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  const [raising, setRaising] = useState(false);
  const { page, pageSize, pagination } = useListParams<object>([]);
  const list = useNeeds({ page, pageSize });
  const categories = useCategories();
  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader
        title={t('services.needs.mineTitle')}
        extra={
          !raising && (
            <Button type="primary" onClick={() => setRaising(true)} data-testid="need-raise">
              {t('services.needs.raise')}
            </Button>
          )
        }
      />
      {raising && <RaiseForm onClose={() => setRaising(false)} />}
      <WorkList<Need>
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.isFetching}
        error={list.error}
        pagination={pagination}
        href={(n) => `/my-needs/${n.id}`}
        overdue={() => false}
        testIds={{ total: 'my-need-total', table: 'my-need-table', row: 'my-need-row', card: 'my-need-card' }}
        card={(n) => (
          <>
            <Typography.Text strong>{n.summary}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{categories.label(n.category)}</Typography.Text>
            </div>
            <NeedStatusTag need={{ ...n, overdue: false }} />
          </>
        )}
        columns={[
          {
            title: t('services.needs.summary'),
            key: 'summary',
            render: (_, n) => <Link to={`/my-needs/${n.id}`}>{n.summary}</Link>,
          },
          {
            title: t('services.needs.category'),
            key: 'category',
            render: (_, n) => categories.label(n.category),
          },
          { title: t('services.needs.status'), key: 'status', render: (_, n) => <NeedStatusTag need={n} /> },
        ]}
      />
    </div>
  );
}
