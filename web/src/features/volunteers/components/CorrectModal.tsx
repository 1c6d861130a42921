import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useCorrect } from '../api.ts';

/** Corrects approved hours with a new record and the reason; the record corrected stays. */
export function CorrectModal({
  recordId,
  hours,
  onClose,
}: {
  recordId: string;
  hours: number;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ hours: number; reason: string }>();
  const correct = useCorrect();
  const outcome = useSaveOutcome(
    form,
    { saved: t('volunteers.saved'), stale: t('volunteers.saved') },
    onClose,
  );
  const need = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal
      title={t('volunteers.correct')}
      form={form}
      saving={correct.isPending}
      saveTestId="correct-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ hours }}
        onFinish={(v) => correct.mutate({ recordId, ...v }, outcome)}
      >
        <Form.Item
          name="hours"
          label={t('volunteers.fields.hours')}
          rules={[need(t('volunteers.fields.hours'))]}
        >
          <InputNumber min={0} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('volunteers.fields.reason')}
          rules={[need(t('volunteers.fields.reason'))]}
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
