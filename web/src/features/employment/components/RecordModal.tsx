import { App, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { EnterprisePicker } from './EnterprisePicker.tsx';
import { EMPLOYMENT_KINDS, EMPLOYMENT_SOURCES, useSaveRecord, type EmploymentRecord } from '../api.ts';

interface Values {
  kind: string;
  employerName: string;
  enterpriseId?: string | null;
  place?: string;
  monthlyWage: number;
  startOn: Dayjs;
  endOn?: Dayjs | null;
  source: string;
  verified: boolean;
}

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * Adds a job of a person (`record` absent) or changes one; `ending` opens it to set the end only.
 */
export function RecordModal({
  personId,
  record,
  ending,
  onClose,
}: {
  personId: string;
  record?: EmploymentRecord;
  ending?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRecord();
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(field) }),
  });

  const submit = (v: Values) => {
    const body = ending
      ? { endOn: day(v.endOn), version: record!.version }
      : {
          kind: v.kind as EmploymentRecord['kind'],
          employerName: v.employerName,
          enterpriseId: v.enterpriseId ?? null,
          place: v.place ?? '',
          monthlyWage: v.monthlyWage,
          startOn: day(v.startOn)!,
          endOn: day(v.endOn),
          source: v.source as EmploymentRecord['source'],
          verified: v.verified,
          ...(record ? { version: record.version } : { personId }),
        };
    save.mutate(
      { id: record?.id, body },
      {
        onSuccess: () => (message.success(t('employment.record.saved')), onClose()),
        onError: (e) => {
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  };

  const title = ending
    ? 'employment.record.end'
    : record
      ? 'employment.record.edit'
      : 'employment.record.add';
  return (
    <Modal
      open
      title={t(title)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'record-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          record
            ? {
                ...record,
                startOn: dayjs(record.startOn),
                endOn: record.endOn ? dayjs(record.endOn) : ending ? dayjs() : null,
              }
            : { kind: 'local_enterprise', source: 'grid_worker', verified: false, startOn: dayjs() }
        }
      >
        {!ending && (
          <>
            <Form.Item
              name="kind"
              label={t('employment.record.kind')}
              rules={[required('employment.record.kind')]}
            >
              <Select
                data-testid="record-kind"
                options={EMPLOYMENT_KINDS.map((k) => ({ value: k, label: t(`employment.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="enterpriseId"
              label={t('employment.record.enterprise')}
              extra={t('employment.record.enterpriseHelp')}
            >
              <EnterprisePicker
                current={record?.enterpriseId ? { id: record.enterpriseId, name: record.employerName } : null}
                onPicked={(name) => form.setFieldValue('employerName', name)}
              />
            </Form.Item>
            <Form.Item
              name="employerName"
              label={t('employment.record.employer')}
              rules={[required('employment.record.employer')]}
            >
              <Input maxLength={128} data-testid="record-employer" />
            </Form.Item>
            <Form.Item name="place" label={t('employment.record.place')}>
              <Input maxLength={128} data-testid="record-place" />
            </Form.Item>
            <Form.Item
              name="monthlyWage"
              label={t('employment.record.wage')}
              rules={[required('employment.record.wage')]}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                precision={2}
                style={{ width: '100%' }}
                data-testid="record-wage"
              />
            </Form.Item>
            <Form.Item
              name="startOn"
              label={t('employment.record.startOn')}
              rules={[required('employment.record.startOn')]}
            >
              <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="record-start" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="endOn"
          label={t('employment.record.endOn')}
          rules={ending ? [required('employment.record.endOn')] : []}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="record-end" />
        </Form.Item>
        {!ending && (
          <>
            <Form.Item name="source" label={t('employment.record.source')}>
              <Select
                data-testid="record-source"
                options={EMPLOYMENT_SOURCES.map((s) => ({ value: s, label: t(`employment.sources.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="verified" label={t('employment.record.verified')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
