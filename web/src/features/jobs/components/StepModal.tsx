import { DatePicker, Form, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { HIRE_KINDS, useApplicationStep, type Application } from '../api.ts';

export type StepKind = 'consent' | 'interview' | 'hire';

interface Values {
  on?: Dayjs;
  startOn?: Dayjs;
  monthlyWage?: number;
  kind?: (typeof HIRE_KINDS)[number];
  agree?: boolean;
  showPhone?: boolean;
}

/** One step on an application that asks something: consent on the person's behalf, an interview day, a hire. */
export function StepModal({
  application,
  step,
  wage,
  onClose,
}: {
  application: Application;
  step: StepKind;
  /** The job's lowest wage, where a hire starts. */
  wage: number;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useApplicationStep();
  /** Numbers and dates are required without the text rule's whitespace check. */
  const given = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const outcome = useSaveOutcome(form, { saved: t('jobs.done'), stale: t('jobs.stale') }, onClose);
  const version = application.version;
  const day = (d?: Dayjs) => d!.format('YYYY-MM-DD');

  const submit = (v: Values) => {
    if (step === 'consent')
      save.mutate(
        { id: application.id, step, body: { agree: !!v.agree, showPhone: !!v.showPhone, version } },
        outcome,
      );
    else if (step === 'interview')
      save.mutate({ id: application.id, step, body: { on: day(v.on), version } }, outcome);
    else
      save.mutate(
        {
          id: application.id,
          step,
          body: { startOn: day(v.startOn), monthlyWage: v.monthlyWage!, kind: v.kind!, version },
        },
        outcome,
      );
  };
  const title = {
    consent: t('jobs.consentTitle'),
    interview: t('jobs.interview'),
    hire: t('jobs.hireTitle'),
  }[step];

  return (
    <FormModal
      title={`${title} · ${application.name}`}
      form={form}
      saving={save.isPending}
      saveTestId="step-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          agree: true,
          showPhone: false,
          on: application.interviewOn ? dayjs(application.interviewOn) : dayjs().add(1, 'day'),
          startOn: dayjs(),
          monthlyWage: wage,
          kind: 'local_enterprise',
        }}
      >
        {step === 'consent' && (
          <>
            <Form.Item name="agree" label={t('jobs.agree')} valuePropName="checked">
              <Switch data-testid="step-agree" />
            </Form.Item>
            <Form.Item name="showPhone" label={t('jobs.showPhone')} valuePropName="checked">
              <Switch data-testid="step-show-phone" />
            </Form.Item>
          </>
        )}
        {step === 'interview' && (
          <Form.Item name="on" label={t('jobs.interviewOn')} rules={[given(t('jobs.interviewOn'))]}>
            <DatePicker style={{ width: '100%' }} data-testid="step-interview-on" />
          </Form.Item>
        )}
        {step === 'hire' && (
          <>
            <Form.Item name="startOn" label={t('jobs.startOn')} rules={[given(t('jobs.startOn'))]}>
              <DatePicker style={{ width: '100%' }} data-testid="step-start-on" />
            </Form.Item>
            <Form.Item
              name="monthlyWage"
              label={t('jobs.monthlyWage')}
              rules={[given(t('jobs.monthlyWage'))]}
            >
              <InputNumber min={0} style={{ width: '100%' }} data-testid="step-wage" />
            </Form.Item>
            <Form.Item name="kind" label={t('jobs.kind')}>
              <Select options={HIRE_KINDS.map((k) => ({ value: k, label: t(`jobs.kinds.${k}`) }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
