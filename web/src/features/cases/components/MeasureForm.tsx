import { MEASURE_TYPES, PROVIDER_KINDS, type Measure, type MeasureInput } from '@anju/contracts';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../ui/api.ts';
import { isCode, useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useSaveMeasure } from '../api.ts';

type Values = Omit<MeasureInput, 'startOn' | 'endOn' | 'version'> & { startOn: Dayjs; endOn?: Dayjs | null };
const DAY_FORMAT = 'YYYY-MM-DD';

/** Add a measure to a case, or edit one: type, provider, dates, amount, outcome, whether it outlives elimination. */
export function MeasureForm({
  caseId,
  editing,
  onClose,
}: {
  caseId: string;
  /** The measure being edited, or null for a new one. */
  editing: Measure | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Values>();
  const save = useSaveMeasure(caseId, editing?.id);
  const [problem, setProblem] = useState<string>();
  const [stale, setStale] = useState(false);
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(`cases.measure.${field}`) }),
  });

  const submit = (v: Values) => {
    setProblem(undefined);
    const body: MeasureInput = {
      ...v,
      description: v.description ?? '',
      outcome: v.outcome ?? '',
      amount: v.amount ?? null,
      startOn: v.startOn.format(DAY_FORMAT),
      endOn: v.endOn ? v.endOn.format(DAY_FORMAT) : null,
      version: editing?.version,
    };
    save.mutate(body, {
      onSuccess: onClose,
      onError: (error) => {
        if (isCode(error, 'conflict') && (error as ApiError).details[0]?.field !== 'step')
          return setStale(true);
        if (!fieldErrors(form, error).shown) setProblem(errorText(error));
      },
    });
  };

  return (
    <Modal
      open
      title={t(editing ? 'cases.measure.edit' : 'cases.measure.add')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'measure-save' }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('cases.act.actedFirst')}
          action={
            <Button size="small" onClick={onClose} data-testid="measure-reload">
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                ...editing,
                startOn: dayjs(editing.startOn),
                endOn: editing.endOn ? dayjs(editing.endOn) : null,
              }
            : { providerKind: 'department', startOn: dayjs(), outlivesElimination: false }
        }
      >
        <Form.Item name="type" label={t('cases.measure.type')} rules={[required('type')]}>
          <Select
            options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`cases.measureType.${m}`) }))}
            data-testid="measure-type"
          />
        </Form.Item>
        <Form.Item
          name="providerKind"
          label={t('cases.measure.providerKind')}
          rules={[required('providerKind')]}
        >
          <Select
            options={PROVIDER_KINDS.map((p) => ({ value: p, label: t(`cases.providerKind.${p}`) }))}
            data-testid="measure-provider-kind"
          />
        </Form.Item>
        <Form.Item
          name="providerName"
          label={t('cases.measure.providerName')}
          rules={[required('providerName')]}
        >
          <Input maxLength={100} data-testid="measure-provider-name" />
        </Form.Item>
        <Form.Item name="description" label={t('cases.measure.description')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="measure-description" />
        </Form.Item>
        <Form.Item name="startOn" label={t('cases.measure.startOn')} rules={[required('startOn')]}>
          <DatePicker style={{ width: '100%' }} data-testid="measure-start" />
        </Form.Item>
        <Form.Item
          name="endOn"
          label={t('cases.measure.endOn')}
          dependencies={['startOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null) =>
                !v || !v.isBefore(getFieldValue('startOn') as Dayjs, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('cases.measure.endBeforeStart'))),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="measure-end" />
        </Form.Item>
        <Form.Item name="amount" label={t('cases.measure.amount')}>
          <InputNumber
            min={0}
            max={100_000_000}
            precision={0}
            suffix={t('cases.yuan')}
            style={{ width: '100%' }}
            data-testid="measure-amount"
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('cases.measure.outcome')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="measure-outcome" />
        </Form.Item>
        <Form.Item
          name="outlivesElimination"
          label={t('cases.measure.outlivesElimination')}
          extra={t('cases.measure.outlivesHelp')}
          valuePropName="checked"
        >
          <Switch data-testid="measure-outlives" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
