import { BASIC_NEEDS, REVIEW_RESULTS, VERIFICATION_ITEMS, type CaseAction } from '@anju/contracts';
import { Checkbox, DatePicker, Divider, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
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
  review?: {
    heldOn: Dayjs;
    attendees: string;
    attendeeCount: number;
    result: 'agreed' | 'not_agreed';
    votesFor?: number | null;
    note?: string;
  };
  nationalEntryOn?: Dayjs;
  basicNeeds?: Record<string, boolean>;
  reason?: string;
}

/** Actions that need a reason; the others take an optional remark. */
export const REASON_REQUIRED: CaseAction[] = ['send_back', 'reject', 'rollback'];

/** The starting values of an action's form; `items` are the comparison items in force. */
export function initialValues(action: CaseAction, headName: string, items: string[]): ActValues {
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
      return { comparison: { hits: none(items) } };
    case 'publish_notice':
      return {
        noticeFrom: dayjs(),
        review: { heldOn: dayjs(), attendees: '', attendeeCount: 1, result: 'agreed' },
      };
    case 'record_national_entry':
      return { nationalEntryOn: dayjs() };
    case 'propose_elimination':
      return { basicNeeds: none(BASIC_NEEDS) };
    default:
      return {};
  }
}

/** The fields an action asks for; the server checks the same. `noticeDays` is what the case's policy sets. */
export function ActionFields({ action, noticeDays }: { action: CaseAction; noticeDays: number }) {
  const { t } = useTranslation();
  const categories = useDictionary('monitoring_category');
  const risks = useDictionary('risk_type');
  const items = useDictionary('comparison_item');
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
          {items.options.map(({ value: check, label }) => (
            <Form.Item
              key={check}
              name={['comparison', 'hits', check]}
              label={label}
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
        <>
          <Divider titlePlacement="start" plain>
            {t('cases.review.title')}
          </Divider>
          <Form.Item
            name={['review', 'heldOn']}
            label={t('cases.review.heldOn')}
            rules={[required(t('cases.review.heldOn'))]}
          >
            <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="review-held-on" />
          </Form.Item>
          <Form.Item
            name={['review', 'attendees']}
            label={t('cases.review.attendees')}
            extra={t('cases.review.attendeesHint')}
            rules={[required(t('cases.review.attendees'))]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="review-attendees" />
          </Form.Item>
          <Form.Item
            name={['review', 'attendeeCount']}
            label={t('cases.review.attendeeCount')}
            rules={[required(t('cases.review.attendeeCount'))]}
          >
            <InputNumber min={1} max={500} style={{ width: '100%' }} data-testid="review-attendee-count" />
          </Form.Item>
          <Form.Item name={['review', 'votesFor']} label={t('cases.review.votesFor')}>
            <InputNumber min={0} max={500} style={{ width: '100%' }} data-testid="review-votes-for" />
          </Form.Item>
          <Form.Item name={['review', 'result']} label={t('cases.review.result')}>
            <Radio.Group
              optionType="button"
              options={REVIEW_RESULTS.map((r) => ({ value: r, label: t(`cases.review.results.${r}`) }))}
              data-testid="review-result"
            />
          </Form.Item>
          <Form.Item name={['review', 'note']} label={t('cases.review.note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="review-note" />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('cases.notice.title')}
          </Divider>
          <Form.Item
            name="noticeFrom"
            label={t('cases.notice.from')}
            extra={t('cases.notice.days', { count: noticeDays })}
            rules={[required(t('cases.notice.from'))]}
          >
            <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="notice-from" />
          </Form.Item>
        </>
      )}
      {action === 'record_national_entry' && (
        <Form.Item
          name="nationalEntryOn"
          label={t('cases.national.enteredOn')}
          extra={t('cases.national.hint')}
          rules={[required(t('cases.national.enteredOn'))]}
        >
          <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="national-entry-on" />
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
