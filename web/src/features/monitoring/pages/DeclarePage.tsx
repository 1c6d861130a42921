import { Button, Checkbox, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useDeclare, useRiskTypes } from '../api.ts';

/** A resident tells the community their household is in difficulty (自主申报), on a phone. */
export function DeclarePage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ reasons: string[]; note: string }>();
  const risks = useRiskTypes();
  const send = useDeclare();

  if (send.isSuccess)
    return (
      <Result
        status="success"
        title={t('monitoring.declare.sent')}
        subTitle={t('monitoring.declare.next')}
        data-testid="declare-sent"
      />
    );
  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('monitoring.declare.title')} />
      <Typography.Paragraph type="secondary">{t('monitoring.declare.intro')}</Typography.Paragraph>
      {send.error && <ErrorView error={send.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item
          name="reasons"
          label={t('monitoring.declare.reasons')}
          rules={[{ required: true, message: t('monitoring.declare.reasonsRequired') }]}
        >
          <Checkbox.Group
            data-testid="declare-reasons"
            options={(risks.data ?? []).map((r) => ({
              value: r.code,
              label: i18n.language === 'en-US' ? r.labelEn : r.labelZh,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('monitoring.declare.note')}
          rules={[{ required: true, whitespace: true, message: t('monitoring.declare.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="declare-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={send.isPending} data-testid="declare-submit">
          {t('monitoring.declare.submit')}
        </Button>
      </Form>
    </div>
  );
}
