import {
  CreditCode,
  ENTERPRISE_KINDS,
  type Enterprise,
  type EnterpriseKind,
  type PlaceLevel,
} from '@anju/contracts';
import { Form, Input, Select, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReasonText } from '../../../ui/errors.ts';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useSaveEnterprise, useWorkshopTypes } from '../api.ts';

interface Values {
  creditCode: string;
  name: string;
  kind: EnterpriseKind;
  placeId?: string;
  address: string;
  contactName: string;
  contactPhone?: string;
  workshopType: string | null;
}

/** The levels the register keeps enterprises on. */
const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];

/** Registers an enterprise or changes one from the version read; the credit code is checked as typed. */
export function EnterpriseModal({
  enterprise,
  place,
  onClose,
}: {
  enterprise?: Enterprise;
  /** Where a new enterprise starts: the place the user works on. */
  place?: { id: string; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveEnterprise();
  const types = useWorkshopTypes();
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('enterprises.saved'), stale: t('enterprises.stale') },
    onClose,
  );
  const reasonText = useReasonText();

  const creditCodeRule: FormRule = {
    validator: async (_, value: string | undefined) => {
      if (!value?.trim()) return;
      const checked = CreditCode.safeParse(value);
      if (!checked.success) throw new Error(reasonText({ reason: checked.error.issues[0]!.message }));
    },
  };

  const submit = (v: Values) => {
    const phone = v.contactPhone?.trim() || undefined;
    const fields = { ...v, contactPhone: phone };
    const body = enterprise
      ? { ...fields, contactPhone: phone, version: enterprise.version }
      : { ...fields, placeId: v.placeId!, contactPhone: phone ?? null };
    save.mutate({ id: enterprise?.id, body }, outcome);
  };

  return (
    <FormModal
      title={enterprise ? t('enterprises.edit') : t('enterprises.add')}
      form={form}
      saving={save.isPending}
      saveTestId="enterprise-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          creditCode: enterprise?.creditCode ?? '',
          name: enterprise?.name ?? '',
          kind: enterprise?.kind ?? 'company',
          placeId: enterprise?.placeId ?? place?.id,
          address: enterprise?.address ?? '',
          contactName: enterprise?.contactName ?? '',
          workshopType: enterprise?.workshop?.type ?? null,
        }}
      >
        <Form.Item
          name="creditCode"
          label={t('enterprises.creditCode')}
          extra={t('enterprises.creditCodeHelp')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[rules.required(t('enterprises.creditCode')), creditCodeRule]}
        >
          <Input maxLength={24} autoComplete="off" data-testid="enterprise-credit-code" />
        </Form.Item>
        <Form.Item name="name" label={t('enterprises.name')} rules={[rules.required(t('enterprises.name'))]}>
          <Input maxLength={128} data-testid="enterprise-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('enterprises.kind')}>
          <Select
            data-testid="enterprise-kind"
            options={ENTERPRISE_KINDS.map((k) => ({ value: k, label: t(`enterprises.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('enterprises.place')}
          rules={[rules.required(t('enterprises.place'))]}
        >
          <PlaceSelect
            levels={LEVELS}
            initial={enterprise ? { id: enterprise.placeId, name: enterprise.placeName } : place}
            testId="enterprise-place"
          />
        </Form.Item>
        <Form.Item name="workshopType" label={t('enterprises.workshop')}>
          <Select
            data-testid="enterprise-workshop"
            options={[{ value: null, label: t('enterprises.notWorkshop') }, ...types.options]}
          />
        </Form.Item>
        <Form.Item name="address" label={t('enterprises.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactName" label={t('enterprises.contactName')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('enterprises.contactPhone')}
          extra={
            enterprise?.contactPhone
              ? t('enterprises.contactPhoneKeep', { masked: enterprise.contactPhone })
              : undefined
          }
        >
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
