import type { PlaceLevel, VolunteerRegisterInput } from '@anju/contracts';
import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { PlaceSelect } from '../../places/index.ts';
import { AVAILABILITY, useRegisterVolunteer, VOLUNTEER_SKILLS } from '../api.ts';

const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];

/** An organizer registers a volunteer by real name, linked to their account when a username is given. */
export function VolunteerModal({
  place,
  onClose,
}: {
  place?: { id: string; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VolunteerRegisterInput>();
  const register = useRegisterVolunteer();
  const outcome = useSaveOutcome(
    form,
    { saved: t('volunteers.saved'), stale: t('volunteers.saved') },
    onClose,
  );
  const need = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const submit = (v: VolunteerRegisterInput) =>
    register.mutate({ ...v, phone: v.phone || undefined, username: v.username || undefined }, outcome);
  return (
    <FormModal
      title={t('volunteers.registerOther')}
      form={form}
      saving={register.isPending}
      saveTestId="volunteer-save"
      onClose={onClose}
    >
      <Form<VolunteerRegisterInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ skills: [], availability: [], placeId: place?.id }}
      >
        <Form.Item
          name="name"
          label={t('volunteers.fields.name')}
          rules={[need(t('volunteers.fields.name'))]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('volunteers.fields.idNumber')}
          rules={[need(t('volunteers.fields.idNumber'))]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t('volunteers.fields.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('volunteers.fields.place')}
          rules={[need(t('volunteers.fields.place'))]}
        >
          <PlaceSelect levels={LEVELS} initial={place} />
        </Form.Item>
        <Form.Item name="username" label={t('volunteers.fields.username')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.fields.skills')}>
          <Select
            mode="multiple"
            options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(`volunteers.skills.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="availability" label={t('volunteers.fields.availability')}>
          <Checkbox.Group
            options={AVAILABILITY.map((a) => ({ value: a, label: t(`volunteers.availability.${a}`) }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
