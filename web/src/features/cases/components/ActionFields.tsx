import { BASIC_NEEDS, COMPARISON_CHECKS, VERIFICATION_ITEMS, type CaseAction } from '@anju/contracts';
import { Checkbox, DatePicker, Divider, Form, Input, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../api.ts';

/** The form of an action, shaped like the request so the server's field names land on its fields. */
export interface ActValues {
  verification?: {
    items: Record<string, boolean>;
    consent: { signedBy: string; signedOn: Dayjs; form: 'signature' | 'fingerprint' };
    category: string;
    riskTypes: string[];
    note?: string;
  };
  comparison?: { hits: Record<string, boolean>; note?: string };
  noticeFrom?: Dayjs;
  basicNeeds?: Record<string, boolean>;
  reason?: string;
}

/** Actions that need a reason; the others take an optional remark. */
export const REASON_REQUIRED: CaseAction[] = ['send_back', 'reject', 'rollback'];

/** The starting values of an action's form. */
export function initialValues(action: CaseAction, headName: string): ActValues {
  const none = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, false]));
  switch (action) {
    case 'verify':
      return {
        verification: {
          items: none(VERIFICATION_ITEMS),
          consent: { signedBy: headName, signedOn: dayjs(), form: 'signature' },
          category: '',
          riskTypes: [],
        },
      };
    case 'compare':
      return { comparison: { hits: none(COMPARISON_CHECKS) } };
    case 'publish_notice':
      return { noticeFrom: dayjs() };
    case 'propose_elimination':
      return { basicNeeds: none(BASIC_NEEDS) };
    default:
      return {};
  }
}

/** The fields an action asks for; the server checks the same. */
export function ActionFields({ action }: { action: CaseAction }) {
  const { t } = useTranslation();
  const categories = useDictionary('monitoring_category');
  const risks = useDictionary('risk_type');
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const confirmed = {
    validator: (_: unknown, v: boolean) =>
      v ? Promise.resolve() : Promise.reject(new Error(t('cases.verification.mustConfirm'))),
  };
  const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

  return (
    <>
      {action === 'verify' && (
        <>
          <Divider titlePlacement="start" plain>
            {t('cases.verification.checklist')}
          </Divider>
          {VERIFICATION_ITEMS.map((item) => (
            <Form.Item
              key={item}
              name={['verification', 'items', item]}
              valuePropName="checked"
              rules={[confirmed]}
              style={{ marginBottom: 4 }}
            >
              <Checkbox data-testid={`verify-item-${item}`}>{t(`cases.verification.items.${item}`)}</Checkbox>
            </Form.Item>
          ))}
          <Divider titlePlacement="start" plain>
            {t('cases.verification.consent')}
          </Divider>
          <Form.Item
            name={['verification', 'consent', 'signedBy']}
            label={t('cases.verification.signedBy')}
            rules={[required(t('cases.verification.signedBy'))]}
          >
            <Input maxLength={40} data-testid="verify-signed-by" />
          </Form.Item>
          <Form.Item
            name={['verification', 'consent', 'signedOn']}
            label={t('cases.verification.signedOn')}
            rules={[required(t('cases.verification.signedOn'))]}
          >
            <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="verify-signed-on" />
          </Form.Item>
          <Form.Item name={['verification', 'consent', 'form']} label={t('cases.verification.form')}>
            <Radio.Group
              optionType="button"
              options={(['signature', 'fingerprint'] as const).map((f) => ({
                value: f,
                label: t(`cases.verification.forms.${f}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name={['verification', 'category']}
            label={t('cases.fields.category')}
            rules={[required(t('cases.fields.category'))]}
          >
            <Select
              options={categories.options}
              loading={categories.isLoading}
              data-testid="verify-category"
            />
          </Form.Item>
          <Form.Item
            name={['verification', 'riskTypes']}
            label={t('cases.fields.riskTypes')}
            rules={[required(t('cases.fields.riskTypes'))]}
          >
            <Select
              mode="multiple"
              options={risks.options}
              loading={risks.isLoading}
              data-testid="verify-risk-types"
            />
          </Form.Item>
          <Form.Item name={['verification', 'note']} label={t('cases.verification.note')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="verify-note" />
          </Form.Item>
        </>
      )}
      {action === 'compare' && (
        <>
          <p>{t('cases.comparison.intro')}</p>
          {COMPARISON_CHECKS.map((check) => (
            <Form.Item
              key={check}
              name={['comparison', 'hits', check]}
              label={t(`cases.comparison.checks.${check}`)}
              valuePropName="checked"
              layout="horizontal"
              style={{ marginBottom: 8 }}
            >
              <Switch
                checkedChildren={t('cases.comparison.hit')}
                unCheckedChildren={t('cases.comparison.clear')}
                data-testid={`compare-${check}`}
              />
            </Form.Item>
          ))}
          <Form.Item name={['comparison', 'note']} label={t('cases.comparison.note')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="compare-note" />
          </Form.Item>
        </>
      )}
      {action === 'publish_notice' && (
        <Form.Item
          name="noticeFrom"
          label={t('cases.notice.from')}
          extra={t('cases.notice.days')}
          rules={[required(t('cases.notice.from'))]}
        >
          <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="notice-from" />
        </Form.Item>
      )}
      {action === 'propose_elimination' && (
        <>
          <p>{t('cases.basicNeeds.intro')}</p>
          {BASIC_NEEDS.map((need) => (
            <Form.Item
              key={need}
              name={['basicNeeds', need]}
              valuePropName="checked"
              style={{ marginBottom: 4 }}
            >
              <Checkbox data-testid={`need-${need}`}>{t(`cases.basicNeeds.${need}`)}</Checkbox>
            </Form.Item>
          ))}
        </>
      )}
      <Form.Item
        name="reason"
        label={t(REASON_REQUIRED.includes(action) ? 'cases.act.reason' : 'cases.act.remark')}
        rules={REASON_REQUIRED.includes(action) ? [required(t('cases.act.reason'))] : []}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="act-reason" />
      </Form.Item>
    </>
  );
}
