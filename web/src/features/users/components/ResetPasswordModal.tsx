import type { User } from '@anju/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useRules } from '../../../ui/rules.ts';
import { useResetPassword } from '../api.ts';

/** Sets a new password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const rules = useRules();

  const submit = ({ password }: { password: string }) =>
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => (message.success(t('users.saved')), onClose()),
        onError: (e) => fieldErrors(form, e),
      },
    );

  return (
    <Modal
      open
      title={`${t('users.resetPassword')} · ${user.displayName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {reset.error && (
        <Alert type="error" showIcon title={errorText(reset.error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.rule')}
          rules={[rules.password]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
