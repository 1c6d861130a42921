import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useRules } from '../../../ui/rules.ts';
import { useCreateUser } from '../api.ts';

interface Values {
  username: string;
  displayName: string;
  password: string;
}

/** Creates an account (system administrator); roles are granted separately by the security administrator. */
export function UserCreateModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const rules = useRules();

  const submit = (v: Values) =>
    create.mutate(v, {
      onSuccess: () => (message.success(t('users.saved')), onClose()),
      onError: (e) => fieldErrors(form, e),
    });

  return (
    <Modal
      open
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {create.error && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameRule')}
          rules={[
            rules.required(t('users.username')),
            { pattern: /^[a-z][a-z0-9_.-]{2,63}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[rules.required(t('users.displayName')), { max: 64 }]}
        >
          <Input data-testid="user-form-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('password.rule')}
          rules={[rules.password]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
