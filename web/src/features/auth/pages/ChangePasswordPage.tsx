import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useChangePassword, useSignedIn } from '../api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const rules = useRules();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => navigate('/login', { replace: true, state: { notice: 'passwordChanged' } }),
        onError: (e) => fieldErrors(form, e),
      },
    );

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 480 }}>
        {me.mustChangePassword && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        {change.error && (
          <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[rules.required(t('password.current'))]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule')}
            rules={[rules.password]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v && v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
