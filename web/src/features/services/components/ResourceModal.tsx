import { DONOR_KINDS, RESOURCE_KINDS, type PlaceLevel, type ResourceCreateInput } from '@anju/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useAddResource } from '../api.ts';

type Values = Omit<ResourceCreateInput, 'availableFrom' | 'availableTo'> & {
  availableFrom: Dayjs;
  availableTo?: Dayjs | null;
};
const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];

/** Records a resource offered: goods, money, a venue or time, with quantity, unit and dates. */
export function ResourceModal({ place, onClose }: { place?: { id: string; name: string }; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddResource();
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.resources.saved'), stale: t('services.resources.saved') },
    onClose,
  );
  const submit = (v: Values) =>
    add.mutate(
      {
        ...v,
        availableFrom: v.availableFrom.format('YYYY-MM-DD'),
        availableTo: v.availableTo?.format('YYYY-MM-DD') ?? null,
      },
      outcome,
    );
  const required = (key: string) => [rules.required(t(`services.resources.${key}`))];
  /** A required number or day: the text rule's whitespace check does not apply to them. */
  const given = (key: string) => [
    { required: true, message: t('common.required', { field: t(`services.resources.${key}`) }) },
  ];
  return (
    <FormModal
      title={t('services.resources.add')}
      form={form}
      saving={add.isPending}
      saveTestId="resource-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'goods', donorKind: 'enterprise', placeId: place?.id }}
      >
        <Form.Item name="kind" label={t('services.resources.kind')}>
          <Select
            options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`services.resources.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('services.resources.name')} rules={required('name')}>
          <Input maxLength={128} data-testid="resource-name" />
        </Form.Item>
        <Form.Item name="donorKind" label={t('services.resources.donorKind')}>
          <Select
            options={DONOR_KINDS.map((k) => ({ value: k, label: t(`services.resources.donorKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="donorName" label={t('services.resources.donorName')} rules={required('donorName')}>
          <Input maxLength={128} data-testid="resource-donor" />
        </Form.Item>
        <Form.Item name="quantity" label={t('services.resources.quantity')} rules={given('quantity')}>
          <InputNumber min={1} precision={0} data-testid="resource-quantity" />
        </Form.Item>
        <Form.Item name="unit" label={t('services.resources.unit')} rules={required('unit')}>
          <Input maxLength={16} data-testid="resource-unit" />
        </Form.Item>
        <Form.Item
          name="availableFrom"
          label={t('services.resources.availableFrom')}
          rules={given('availableFrom')}
        >
          <DatePicker data-testid="resource-from" />
        </Form.Item>
        <Form.Item name="availableTo" label={t('services.resources.availableTo')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="placeId" label={t('services.resources.place')} rules={required('place')}>
          <PlaceSelect levels={LEVELS} initial={place} testId="resource-place" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
