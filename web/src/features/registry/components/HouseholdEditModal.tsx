import { POVERTY_STATUSES, RESETTLEMENT_TYPES, type HouseholdDetail } from '@anju/contracts';
import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateHousehold, type HouseholdPatch } from '../api.ts';
import { isStale, useCodes } from '../codes.ts';
import { useFieldErrors } from '../../../ui/errors.ts';
import { SaveError } from '../../../ui/ErrorAlert.tsx';

interface Props {
  household: HouseholdDetail;
  onClose(): void;
  onReload(): void;
}

/** Edits the relocation facts: year, resettlement type, poverty status. */
export function HouseholdEditModal({ household, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodes();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Omit<HouseholdPatch, 'version'>>();
  const update = useUpdateHousehold(household.id);
  const [left, setLeft] = useState<string[]>([]);
  return (
    <Modal
      open
      title={t('registry.household.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: isStale(update.error) }}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <SaveError error={update.error} onReload={onReload} left={left} />
      <Form
        form={form}
        layout="vertical"
        initialValues={household}
        onFinish={(v) =>
          update.mutate(
            { ...v, relocationYear: v.relocationYear ?? null, version: household.version },
            {
              onSuccess: () => (message.success(t('registry.household.saved')), onClose()),
              onError: (e) => setLeft(fieldErrors(form, e).lines),
            },
          )
        }
      >
        <Form.Item name="relocationYear" label={t('registry.household.relocationYear')}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="resettlementType" label={t('registry.household.resettlementType')}>
          <Select options={codes.options('resettlement', RESETTLEMENT_TYPES)} />
        </Form.Item>
        <Form.Item name="povertyStatus" label={t('registry.household.povertyStatus')}>
          <Select options={codes.options('poverty', POVERTY_STATUSES)} data-testid="edit-poverty" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
