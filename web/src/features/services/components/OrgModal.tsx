import {
  CreditCode,
  SOCIAL_ORG_KINDS,
  type PlaceLevel,
  type ServiceCategory,
  type SocialOrg,
  type SocialOrgKind,
} from '@anju/contracts';
import { Form, Input, InputNumber, Select, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReasonText } from '../../../ui/errors.ts';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useCategories, useSaveOrg } from '../api.ts';

interface Values {
  creditCode: string;
  name: string;
  kind: SocialOrgKind;
  placeId?: string;
  serviceAreas: ServiceCategory[];
  placeServed?: string;
  staffCount: number;
  socialWorkerCount: number;
  contactName: string;
}

const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];

/** Registers a social organization or changes one from the version read; the credit code is checked as typed. */
export function OrgModal({
  org,
  place,
  onClose,
}: {
  org?: SocialOrg;
  place?: { id: string; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveOrg();
  const categories = useCategories();
  const rules = useRules();
  const reasonText = useReasonText();
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.orgs.saved'), stale: t('services.orgs.stale') },
    onClose,
  );
  const creditCodeRule: FormRule = {
    validator: async (_, value: string | undefined) => {
      if (!value?.trim()) return;
      const checked = CreditCode.safeParse(value);
      if (!checked.success) throw new Error(reasonText({ reason: checked.error.issues[0]!.message }));
    },
  };
  const served = org?.placesServed[0];
  const submit = ({ placeServed, ...v }: Values) => {
    const placesServed = placeServed ? [placeServed] : undefined;
    if (org) save.mutate({ id: org.id, body: { ...v, placesServed, version: org.version } }, outcome);
    else save.mutate({ body: { ...v, placeId: v.placeId!, placesServed: placesServed ?? [] } }, outcome);
  };
  return (
    <FormModal
      title={org ? t('services.orgs.edit') : t('services.orgs.add')}
      form={form}
      saving={save.isPending}
      saveTestId="org-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          creditCode: org?.creditCode ?? '',
          name: org?.name ?? '',
          kind: org?.kind ?? 'private_non_enterprise',
          placeId: org?.placeId ?? place?.id,
          serviceAreas: (org?.serviceAreas ?? []) as ServiceCategory[],
          placeServed: served?.id ?? place?.id,
          staffCount: org?.staffCount ?? 0,
          socialWorkerCount: org?.socialWorkerCount ?? 0,
          contactName: org?.contactName ?? '',
        }}
      >
        <Form.Item
          name="creditCode"
          label={t('services.orgs.creditCode')}
          extra={t('services.orgs.creditCodeHelp')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[rules.required(t('services.orgs.creditCode')), creditCodeRule]}
        >
          <Input maxLength={24} autoComplete="off" data-testid="org-credit-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('services.orgs.name')}
          rules={[rules.required(t('services.orgs.name'))]}
        >
          <Input maxLength={128} data-testid="org-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('services.orgs.kind')}>
          <Select
            options={SOCIAL_ORG_KINDS.map((k) => ({ value: k, label: t(`services.orgs.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('services.orgs.place')}
          rules={[rules.required(t('services.orgs.place'))]}
        >
          <PlaceSelect
            levels={LEVELS}
            initial={org ? { id: org.placeId, name: org.placeName } : place}
            testId="org-place"
          />
        </Form.Item>
        <Form.Item
          name="serviceAreas"
          label={t('services.orgs.serviceAreas')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('common.required', { field: t('services.orgs.serviceAreas') }),
            },
          ]}
        >
          <Select mode="multiple" options={categories.options} data-testid="org-areas" />
        </Form.Item>
        <Form.Item
          name="placeServed"
          label={t('services.orgs.placesServed')}
          rules={[rules.required(t('services.orgs.placesServed'))]}
        >
          <PlaceSelect levels={LEVELS} initial={served ?? place} testId="org-served" />
        </Form.Item>
        <Form.Item name="staffCount" label={t('services.orgs.staffCount')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="socialWorkerCount" label={t('services.orgs.socialWorkerCount')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="contactName" label={t('services.orgs.contactName')}>
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
