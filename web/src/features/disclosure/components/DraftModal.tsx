import { DISCLOSURE_KINDS, type DisclosureCreateInput } from '@anju/contracts';
import { Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useDraft } from '../api.ts';

interface Values {
  placeId: string;
  kind: DisclosureCreateInput['kind'];
  period: string;
  title: string;
  text?: string;
  names?: string;
}

/** Periods offered: the last six months for finance, the last four quarters for everything else. */
function periods(kind: string) {
  const now = dayjs();
  if (kind === 'finance') return [1, 2, 3, 4, 5, 6].map((k) => now.subtract(k, 'month').format('YYYY-MM'));
  const q = now.year() * 4 + Math.floor(now.month() / 3);
  return [1, 2, 3, 4].map((k) => `${Math.floor((q - k) / 4)}-Q${((q - k) % 4) + 1}`);
}

/** One name-list row a line: name, household size, amount in yuan. */
const parseNames = (text = '') =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, size, amount] = l.split(/[,，\s]+/);
      return { name, householdSize: Number(size), amountFen: Math.round(Number(amount) * 100) };
    });

/** Drafts a disclosure of a community; a finance one is filled from the ledgers of the period. */
export function DraftModal({ place, onClose }: { place?: { id: string }; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const draft = useDraft();
  const rules = useRules();
  const kind = Form.useWatch('kind', form) ?? 'finance';
  const outcome = useSaveOutcome(
    form,
    { saved: t('disclosure.drafted'), stale: t('disclosure.drafted') },
    onClose,
  );
  const submit = ({ names, ...v }: Values) => draft.mutate({ ...v, names: parseNames(names) }, outcome);
  return (
    <FormModal
      title={t('disclosure.draft')}
      form={form}
      saving={draft.isPending}
      saveTestId="disclosure-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'finance', placeId: place?.id, period: periods('finance')[0] }}
        onValuesChange={(changed) => changed.kind && form.setFieldValue('period', periods(changed.kind)[0])}
      >
        <Form.Item
          name="placeId"
          label={t('disclosure.community')}
          rules={[{ required: true, message: t('common.required', { field: t('disclosure.community') }) }]}
        >
          <PlaceSelect levels={['community']} testId="disclosure-place" />
        </Form.Item>
        <Form.Item name="kind" label={t('disclosure.kind')}>
          <Select
            data-testid="disclosure-kind"
            options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: t(`disclosure.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('disclosure.period')}>
          <Select
            data-testid="disclosure-period"
            options={periods(kind).map((p) => ({ value: p, label: p }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('disclosure.titleField')}
          rules={[rules.required(t('disclosure.titleField'))]}
        >
          <Input maxLength={200} data-testid="disclosure-title" />
        </Form.Item>
        <Form.Item name="text" label={t('disclosure.text')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {kind === 'subsidy_list' && (
          <Form.Item name="names" label={t('disclosure.names')} extra={t('disclosure.namesHint')}>
            <Input.TextArea rows={5} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
