import type { PlaceLevel } from '@anju/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { PlaceSelect } from '../../places/index.ts';
import { useCreateActivity, VOLUNTEER_SKILLS } from '../api.ts';

interface Values {
  title: string;
  placeId?: string;
  address: string;
  times: [Dayjs, Dayjs];
  slots: number;
  skills: string[];
}

const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];

/** Holds a new activity: when, where, slots and the skills it asks for. */
export function ActivityModal({ place, onClose }: { place?: { id: string; name: string }; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const need = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const outcome = useSaveOutcome(
    form,
    { saved: t('volunteers.saved'), stale: t('volunteers.saved') },
    onClose,
  );
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title,
        placeId: v.placeId!,
        address: v.address,
        startsAt: v.times[0].toISOString(),
        endsAt: v.times[1].toISOString(),
        slots: v.slots,
        skills: v.skills as never,
      },
      outcome,
    );
  const start = dayjs().startOf('hour');
  return (
    <FormModal
      title={t('volunteers.add')}
      form={form}
      saving={create.isPending}
      saveTestId="activity-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ slots: 10, skills: [], placeId: place?.id, times: [start, start.add(2, 'hour')] }}
      >
        <Form.Item
          name="title"
          label={t('volunteers.fields.title')}
          rules={[need(t('volunteers.fields.title'))]}
        >
          <Input maxLength={128} data-testid="activity-title" />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('volunteers.fields.place')}
          rules={[need(t('volunteers.fields.place'))]}
        >
          <PlaceSelect levels={LEVELS} initial={place} testId="activity-place" />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('volunteers.fields.address')}
          rules={[need(t('volunteers.fields.address'))]}
        >
          <Input maxLength={128} data-testid="activity-address" />
        </Form.Item>
        <Form.Item
          name="times"
          label={t('volunteers.fields.times')}
          rules={[need(t('volunteers.fields.times'))]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="slots"
          label={t('volunteers.fields.slots')}
          rules={[need(t('volunteers.fields.slots'))]}
        >
          <InputNumber min={1} max={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.fields.skills')}>
          <Select
            mode="multiple"
            options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(`volunteers.skills.${s}`) }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
