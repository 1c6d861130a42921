import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { FACILITY_STATES, useFacilityKinds, useSaveFacility, type SiteFacility } from '../api.ts';

interface Values {
  name: string;
  kind: string;
  capacity: number;
  state: SiteFacility['state'];
}

/** Records a facility standing at and serving a site, or changes one from the version read. */
export function FacilityModal({
  facility,
  siteId,
  onClose,
}: {
  facility?: SiteFacility;
  siteId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveFacility();
  const kinds = useFacilityKinds();
  const rules = useRules();
  const outcome = useSaveOutcome(form, { saved: t('sites.saved'), stale: t('sites.stale') }, onClose);
  const submit = (v: Values) =>
    save.mutate(
      facility
        ? {
            id: facility.id,
            body: { name: v.name, capacity: v.capacity, state: v.state, version: facility.version },
          }
        : { body: { ...v, placeId: siteId, siteIds: [siteId] } },
      outcome,
    );
  return (
    <FormModal
      title={t(facility ? 'sites.facility.edit' : 'sites.facility.add')}
      form={form}
      saving={save.isPending}
      saveTestId="facility-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: facility?.name ?? '',
          kind: facility?.kind ?? 'kindergarten',
          capacity: facility?.capacity ?? 0,
          state: facility?.state ?? 'in_use',
        }}
      >
        <Form.Item
          name="name"
          label={t('sites.facility.name')}
          rules={[rules.required(t('sites.facility.name'))]}
        >
          <Input maxLength={128} data-testid="facility-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('sites.facility.kind')}>
          <Select options={kinds.options} disabled={!!facility} data-testid="facility-kind" />
        </Form.Item>
        <Form.Item name="capacity" label={t('sites.facility.capacity')}>
          <InputNumber style={{ width: '100%' }} data-testid="facility-capacity" />
        </Form.Item>
        <Form.Item name="state" label={t('sites.facility.state')}>
          <Select options={FACILITY_STATES.map((s) => ({ value: s, label: t(`sites.state.${s}`) }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
