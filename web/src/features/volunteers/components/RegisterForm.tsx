import { Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../ui/errors.ts';
import { AVAILABILITY, useRegister, VOLUNTEER_SKILLS } from '../api.ts';

interface Values {
  name: string;
  idNumber: string;
  phone?: string;
  skills: string[];
  availability: string[];
}

/** Real-name registration (实名注册) of the signed-in user as a volunteer. */
export function RegisterForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const fieldErrors = useFieldErrors();
  const need = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const submit = (v: Values) =>
    register.mutate({ ...v, phone: v.phone || undefined } as Parameters<typeof register.mutate>[0], {
      onError: (e) => fieldErrors(form, e),
    });
  return (
    <Card title={t('volunteers.register')} size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ skills: [], availability: [] }}
      >
        <Form.Item
          name="name"
          label={t('volunteers.fields.name')}
          rules={[need(t('volunteers.fields.name'))]}
        >
          <Input maxLength={64} data-testid="register-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('volunteers.fields.idNumber')}
          rules={[need(t('volunteers.fields.idNumber'))]}
        >
          <Input maxLength={18} data-testid="register-id" />
        </Form.Item>
        <Form.Item name="phone" label={t('volunteers.fields.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.fields.skills')}>
          <Select
            mode="multiple"
            options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(`volunteers.skills.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="availability" label={t('volunteers.fields.availability')}>
          <Checkbox.Group
            options={AVAILABILITY.map((a) => ({ value: a, label: t(`volunteers.availability.${a}`) }))}
          />
        </Form.Item>
        <ErrorAlert error={register.error} />
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={register.isPending}
          data-testid="register-save"
        >
          {t('volunteers.registerSave')}
        </Button>
      </Form>
    </Card>
  );
}
