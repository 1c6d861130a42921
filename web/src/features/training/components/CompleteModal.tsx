import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { CERTIFICATE_KINDS, useComplete, type Enrolment } from '../api.ts';

interface Values {
  completedOn: Dayjs;
  certificateKind: string;
  certificateNo: string;
  certificateOn: Dayjs;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Completes an enrolment with the certificate it gave. */
export function CompleteModal({ enrolment, onClose }: { enrolment: Enrolment; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const complete = useComplete();
  const rules = useRules();
  const need = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const outcome = useSaveOutcome(
    form,
    { saved: t('training.completeSaved'), stale: t('training.stale') },
    onClose,
  );
  const submit = (v: Values) =>
    complete.mutate(
      {
        id: enrolment.id,
        body: {
          completedOn: day(v.completedOn),
          certificateKind: v.certificateKind as (typeof CERTIFICATE_KINDS)[number],
          certificateNo: v.certificateNo,
          certificateOn: day(v.certificateOn),
          version: enrolment.version,
        },
      },
      outcome,
    );
  return (
    <FormModal
      title={t('training.completeTitle', { name: enrolment.name })}
      form={form}
      saving={complete.isPending}
      saveTestId="complete-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          completedOn: dayjs(),
          certificateOn: dayjs(),
          certificateKind: 'training_certificate',
        }}
      >
        <Form.Item
          name="completedOn"
          label={t('training.fields.completedOn')}
          rules={[need(t('training.fields.completedOn'))]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="complete-on" />
        </Form.Item>
        <Form.Item name="certificateKind" label={t('training.fields.certificateKind')}>
          <Select
            options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`training.certificates.${k}`) }))}
            data-testid="certificate-kind"
          />
        </Form.Item>
        <Form.Item
          name="certificateNo"
          label={t('training.fields.certificateNo')}
          rules={[rules.required(t('training.fields.certificateNo'))]}
        >
          <Input maxLength={64} data-testid="certificate-no" />
        </Form.Item>
        <Form.Item
          name="certificateOn"
          label={t('training.fields.certificateOn')}
          rules={[need(t('training.fields.certificateOn'))]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="certificate-on" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
