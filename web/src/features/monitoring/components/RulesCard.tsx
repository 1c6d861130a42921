import { SCREENING_RULES, type ScreeningRules } from '@anju/contracts';
import { Button, Card, Form, Input, InputNumber, List, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useCategories } from '../../incidents/api.ts';
import { SaveError } from '../../../ui/ErrorAlert.tsx';
import { useRuleHistory, useRules, useSaveRules } from '../api.ts';
import { formatDateTime } from '../../../ui/format.ts';

/** The parameters each rule takes, with their bounds. */
const PARAMS: Partial<
  Record<keyof ScreeningRules, { name: string; min: number; max: number; step?: number }[]>
> = {
  income_near_line: [{ name: 'factor', min: 1, max: 3, step: 0.1 }],
  income_drop: [{ name: 'percent', min: 0, max: 100 }],
  rigid_expense: [{ name: 'percent', min: 0, max: 100 }],
  new_illness_disability: [{ name: 'days', min: 1, max: 3650 }],
  disaster_incident: [{ name: 'days', min: 1, max: 3650 }],
};

/** The screening rules in force, edited as a new version by the policy holders; earlier versions below. */
export function RulesCard({ mayEdit }: { mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const rules = useRules();
  const history = useRuleHistory();
  const save = useSaveRules();
  const categories = useCategories();
  const english = i18n.language.startsWith('en');
  const [form] = Form.useForm<{ rules: ScreeningRules; note: string }>();

  useEffect(() => {
    if (rules.data) form.setFieldsValue({ rules: rules.data.rules, note: '' });
  }, [rules.data, form]);

  if (rules.error) return <ErrorView error={rules.error} />;
  const submit = async (values: { rules: ScreeningRules; note: string }) => {
    await save.mutateAsync({ ...values, version: rules.data!.version }).catch(() => undefined);
  };

  return (
    <Card
      title={t('monitoring.rules.title', { version: rules.data?.version ?? '' })}
      loading={rules.isLoading}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph>
        <Typography.Text strong data-testid="rules-region">
          {t('monitoring.rules.region', {
            region: rules.data?.placeName ?? t('monitoring.rules.national'),
          })}
        </Typography.Text>
        {mayEdit && <Typography.Text type="secondary"> {t('monitoring.rules.saveScope')}</Typography.Text>}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} disabled={!mayEdit}>
        <SaveError error={save.error} onReload={() => (save.reset(), void rules.refetch())} />
        {SCREENING_RULES.map((rule) => (
          <Card key={rule} type="inner" size="small" style={{ marginBottom: 8 }}>
            <Space wrap align="start">
              <Form.Item name={['rules', rule, 'enabled']} valuePropName="checked" noStyle>
                <Switch data-testid={`rule-${rule}`} />
              </Form.Item>
              <div style={{ maxWidth: 520 }}>
                <Typography.Text strong>{t(`monitoring.rules.${rule}.name`)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t(`monitoring.rules.${rule}.description`)}
                </Typography.Text>
              </div>
              {PARAMS[rule]?.map((p) => (
                <Form.Item
                  key={p.name}
                  name={['rules', rule, p.name]}
                  label={t(`monitoring.params.${p.name}`)}
                  rules={[{ required: true }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber
                    min={p.min}
                    max={p.max}
                    step={p.step ?? 1}
                    data-testid={`rule-${rule}-${p.name}`}
                  />
                </Form.Item>
              ))}
              {rule === 'disaster_incident' && (
                <Form.Item
                  name={['rules', rule, 'categories']}
                  label={t('monitoring.params.categories')}
                  style={{ marginBottom: 0, minWidth: 240 }}
                >
                  <Select
                    mode="multiple"
                    optionFilterProp="label"
                    options={(categories.data ?? []).map((c) => ({
                      value: c.code,
                      label: english ? c.nameEn : c.nameZh,
                    }))}
                    data-testid="rule-disaster_incident-categories"
                  />
                </Form.Item>
              )}
            </Space>
          </Card>
        ))}
        {mayEdit && (
          <Space wrap>
            <Form.Item name="note" noStyle>
              <Input placeholder={t('monitoring.rules.note')} style={{ width: 280 }} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
              {t('monitoring.rules.save')}
            </Button>
          </Space>
        )}
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('monitoring.rules.history')}
      </Typography.Title>
      <List
        size="small"
        dataSource={history.data ?? []}
        renderItem={(r) => (
          <List.Item>
            v{r.version} · {formatDateTime(r.createdAt)} · {r.createdBy ?? t('monitoring.rules.system')}
            {r.note && ` · ${r.note}`}
          </List.Item>
        )}
      />
    </Card>
  );
}
