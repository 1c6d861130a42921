import type { ZeroHelp } from '@anju/contracts';
import { App, Button, Card, DatePicker, Form, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAddHelp, useHouseholdEmployment, useZero, ZERO_HELP_KINDS } from '../api.ts';
import { HouseholdEmploymentTab } from '../components/HouseholdEmploymentTab.tsx';
import { ZeroState } from '../components/ZeroState.tsx';

interface Values {
  kind: string;
  note?: string;
  givenOn: Dayjs;
}

function HelpForm({ zeroId }: { zeroId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddHelp(zeroId);
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();
  const submit = (v: Values) =>
    add.mutate(
      { kind: v.kind as ZeroHelp['kind'], note: v.note ?? '', givenOn: v.givenOn.format('YYYY-MM-DD') },
      {
        onSuccess: () => (message.success(t('employment.help.saved')), form.resetFields()),
        onError: (e) => {
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'referral', givenOn: dayjs() }}
    >
      <Form.Item name="kind" label={t('employment.help.kind')}>
        <Select
          data-testid="help-kind"
          options={ZERO_HELP_KINDS.map((k) => ({ value: k, label: t(`employment.help.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('employment.help.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="help-note" />
      </Form.Item>
      <Form.Item name="givenOn" label={t('employment.help.givenOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} block data-testid="help-submit">
        {t('employment.help.add')}
      </Button>
    </Form>
  );
}

/** One zero-employment household: where it stands, the help given, and its members' jobs to clear it. */
export function ZeroDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const zero = useZero(id);
  const household = useHouseholdEmployment(zero.data?.householdId);
  if (zero.error) return <ErrorView error={zero.error} />;
  if (!zero.data) return <Spin />;
  const z = zero.data;
  const writable = household.data?.mayKeep ?? false;
  return (
    <>
      <PageHeader title={t('employment.zero.detail', { name: z.headName })} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small">
          <Space direction="vertical" size={4}>
            <Link to={`/registry/households/${z.householdId}`}>{z.householdNo}</Link>
            <ZeroState zero={z} />
            <Typography.Text type="secondary">
              {t('employment.zero.flaggedOn', { date: z.flaggedOn })}
            </Typography.Text>
          </Space>
        </Card>
        <Card size="small" title={t('employment.help.title')}>
          <List<ZeroHelp>
            dataSource={z.help}
            locale={{ emptyText: t('employment.help.none') }}
            renderItem={(h) => (
              <List.Item data-testid="zero-help">
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Tag>{t(`employment.help.kinds.${h.kind}`)}</Tag>
                      {h.givenOn}
                    </Space>
                  }
                  description={[h.note, h.actorName].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
          {writable && !z.clearedOn && <HelpForm zeroId={z.id} />}
        </Card>
        <Card size="small" title={t('employment.zero.members')}>
          <HouseholdEmploymentTab householdId={z.householdId} withZero={false} />
        </Card>
      </Space>
    </>
  );
}
