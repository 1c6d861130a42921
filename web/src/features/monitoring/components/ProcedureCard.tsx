import {
  IDENTIFICATION_STEPS,
  NOTICE_COLUMNS,
  PART_YEAR_METHODS,
  TIMED_STEPS,
  type ProcedureRules,
} from '@anju/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../ui/ErrorAlert.tsx';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useDictionaryItems, useProcedure, useSaveProcedure } from '../api.ts';

/** The orders a region may take identification in: verification or the data comparison first. */
const ORDERS: Record<string, ProcedureRules['stepOrder']> = {
  verification_first: [...IDENTIFICATION_STEPS],
  comparison_first: ['comparison', 'verification', 'community_review', 'township_review', 'county_approval'],
};
const orderKey = (order: readonly string[]) =>
  Object.keys(ORDERS).find((k) => ORDERS[k].join() === order.join()) ?? 'verification_first';

interface Values extends Omit<ProcedureRules, 'stepOrder'> {
  order: string;
  note: string;
}

/**
 * The identification procedure of a region as data (notice length, step deadlines from the lead, step
 * order, the elimination rules, what the notice shows, the part-year method), saved as a new version
 * for a province, city or county; a case keeps the version it was opened under.
 */
export function ProcedureCard({ mayEdit }: { mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const [placeId, setPlaceId] = useState<string>();
  const policy = useProcedure(placeId);
  const save = useSaveProcedure();
  const risks = useDictionaryItems('risk_type');
  const [form] = Form.useForm<Values>();
  const stepDays = Form.useWatch('stepDays', form);
  const decisionDays = Form.useWatch('decisionDays', form);

  useEffect(() => {
    if (!policy.data) return;
    const { stepOrder, ...rules } = policy.data.rules;
    form.setFieldsValue({ ...rules, order: orderKey(stepOrder), note: '' });
  }, [policy.data, form]);

  if (policy.error) return <ErrorView error={policy.error} />;
  const total = IDENTIFICATION_STEPS.reduce((n, s) => n + (stepDays?.[s] ?? 0), 0);
  const p = policy.data;
  const submit = async ({ order, note, ...rules }: Values) => {
    if (!placeId || !p) return;
    await save
      .mutateAsync({ placeId, note, basedOn: p.id, rules: { ...rules, stepOrder: ORDERS[order] } })
      .catch(() => undefined);
  };

  return (
    <Card title={t('monitoring.procedure.title')} loading={policy.isLoading} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('monitoring.procedure.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <PlaceSelect
          levels={['province', 'city', 'county']}
          value={placeId}
          onChange={setPlaceId}
          placeholder={t('monitoring.procedure.region')}
          testId="procedure-place"
        />
        {p && (
          <Typography.Text data-testid="procedure-in-force">
            {t('monitoring.procedure.inForce', {
              region: p.placeName ?? t('monitoring.procedure.national'),
              version: p.version,
              at: formatDateTime(p.createdAt),
            })}
          </Typography.Text>
        )}
      </Space>
      <Form form={form} layout="vertical" onFinish={submit} disabled={!mayEdit}>
        <SaveError error={save.error} onReload={() => (save.reset(), void policy.refetch())} />
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="noticeDays" label={t('monitoring.procedure.noticeDays')}>
              <InputNumber
                min={5}
                max={30}
                addonAfter={t('monitoring.procedure.days')}
                data-testid="procedure-notice-days"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="decisionDays" label={t('monitoring.procedure.decisionDays')}>
              <InputNumber min={1} max={30} addonAfter={t('monitoring.procedure.days')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="order" label={t('monitoring.procedure.order')}>
              <Select
                options={Object.keys(ORDERS).map((k) => ({
                  value: k,
                  label: t(`monitoring.procedure.orders.${k}`),
                }))}
                data-testid="procedure-order"
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('monitoring.procedure.stepDays')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {TIMED_STEPS.map((s) => (
            <Col xs={12} sm={6} key={s}>
              <Form.Item name={['stepDays', s]} label={t(`cases.step.${s}`)}>
                <InputNumber
                  min={1}
                  max={60}
                  addonAfter={t('monitoring.procedure.days')}
                  data-testid={`procedure-step-${s}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Alert
          type={total > (decisionDays ?? 15) ? 'error' : 'info'}
          showIcon
          title={t('monitoring.procedure.total', { total, decisionDays: decisionDays ?? 15 })}
          style={{ marginBottom: 16 }}
          data-testid="procedure-total"
        />
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="stableMonths" label={t('monitoring.procedure.stableMonths')}>
              <InputNumber min={1} max={24} addonAfter={t('monitoring.procedure.months')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="noLabourStaysMonitored"
              label={t('monitoring.procedure.noLabour')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="partYear" label={t('monitoring.procedure.partYear')}>
              <Radio.Group
                options={PART_YEAR_METHODS.map((m) => ({ value: m, label: t(`monitoring.partYear.${m}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['notice', 'columns']} label={t('monitoring.procedure.columns')}>
          <Checkbox.Group
            options={NOTICE_COLUMNS.map((c) => ({ value: c, label: t(`monitoring.procedure.column.${c}`) }))}
            data-testid="procedure-columns"
          />
        </Form.Item>
        <Form.Item
          name={['notice', 'hiddenRiskTypes']}
          label={t('monitoring.procedure.hiddenRiskTypes')}
          extra={t('monitoring.procedure.hiddenHint')}
        >
          <Select
            mode="multiple"
            options={(risks.data ?? []).map((r) => ({
              value: r.code,
              label: english ? r.labelEn : r.labelZh,
            }))}
            data-testid="procedure-hidden"
          />
        </Form.Item>
        {mayEdit && (
          <Space wrap align="start">
            <Form.Item name="note">
              <Input maxLength={500} style={{ width: 320 }} placeholder={t('monitoring.procedure.note')} />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              disabled={!placeId}
              loading={save.isPending}
              data-testid="procedure-save"
            >
              {t('monitoring.procedure.save')}
            </Button>
            {!placeId && (
              <Typography.Text type="secondary">{t('monitoring.procedure.pickRegion')}</Typography.Text>
            )}
          </Space>
        )}
      </Form>
    </Card>
  );
}
