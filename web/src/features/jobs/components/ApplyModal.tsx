import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useApply, type Job } from '../api.ts';

/** A resident applies for one of their household, saying whether the employer may see the phone. */
export function ApplyModal({ job, personId, onClose }: { job: Job; personId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ showPhone: boolean; note: string }>();
  const apply = useApply();
  const outcome = useSaveOutcome(form, { saved: t('jobs.board.applied'), stale: t('jobs.stale') }, onClose);
  return (
    <FormModal
      title={t('jobs.board.applyTitle', { title: job.title })}
      form={form}
      saving={apply.isPending}
      saveTestId="apply-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ showPhone: false, note: '' }}
        onFinish={(v) => apply.mutate({ jobId: job.id, personId, ...v }, outcome)}
      >
        <Form.Item name="showPhone" valuePropName="checked">
          <Checkbox data-testid="apply-show-phone">{t('jobs.showPhone')}</Checkbox>
        </Form.Item>
        <Form.Item name="note">
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
