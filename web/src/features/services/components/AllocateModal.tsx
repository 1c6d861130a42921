import type { Resource } from '@anju/contracts';
import { Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useAllocate, useNeeds } from '../api.ts';

/** Gives some of a resource to a need being worked; the server never lets it go below nothing. */
export function AllocateModal({ resource, onClose }: { resource: Resource; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ needId: string; quantity: number }>();
  const allocate = useAllocate();
  const needs = useNeeds({ page: 1, pageSize: 100 });
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.resources.allocated'), stale: t('services.resources.allocated') },
    onClose,
  );
  return (
    <FormModal
      title={`${t('services.resources.allocateTitle')} · ${resource.name}`}
      form={form}
      saving={allocate.isPending}
      saveTestId="allocate-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quantity: 1 }}
        onFinish={(v) => allocate.mutate({ id: resource.id, body: v }, outcome)}
      >
        <Form.Item
          name="needId"
          label={t('services.resources.need')}
          rules={[rules.required(t('services.resources.need'))]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(needs.data?.items ?? [])
              .filter((n) => n.status !== 'rated')
              .map((n) => ({ value: n.id, label: `${n.summary} · ${n.communityName}` }))}
            data-testid="allocate-need"
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={`${t('services.resources.quantity')}（${t('services.resources.remaining')} ${resource.remaining} ${resource.unit}）`}
        >
          <InputNumber min={1} max={resource.remaining} precision={0} data-testid="allocate-quantity" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
