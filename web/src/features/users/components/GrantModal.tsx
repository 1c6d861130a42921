import { ADMIN_ROLES, ROLES, type Role, type User } from '@anju/contracts';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PlacePicker, type PickedPlace } from '../../places/index.ts';
import { useGrant } from '../api.ts';

interface Values {
  roles: Role[];
  scopePlaceIds: PickedPlace[];
}

const mixesAdmin = (roles: Role[]) => roles.some((r) => ADMIN_ROLES.includes(r)) && roles.length > 1;

/** Grants roles and scope places to a user (security administrator). */
export function GrantModal({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const grant = useGrant();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();

  const submit = (v: Values) =>
    grant.mutate(
      {
        id: user.id,
        roles: v.roles,
        scopePlaceIds: v.scopePlaceIds.map((p) => p.value),
        version: user.version,
      },
      {
        onSuccess: () => (message.success(t('users.saved')), onClose()),
        onError: (e) => fieldErrors(form, e),
      },
    );

  return (
    <Modal
      open
      title={t('users.grantTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={grant.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {grant.error && (
        <Alert type="error" showIcon title={errorText(grant.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          roles: user.roles,
          scopePlaceIds: user.scopes.map((s) => ({ value: s.id, label: s.name })),
        }}
      >
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={t('users.adminRolesHint')}
          rules={[
            {
              validator: (_, v: Role[]) =>
                mixesAdmin(v ?? [])
                  ? Promise.reject(new Error(t('users.adminRolesExclusive')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Select
            mode="multiple"
            maxCount={5}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            data-testid="grant-roles"
          />
        </Form.Item>
        <Form.Item name="scopePlaceIds" label={t('users.scopePlaces')}>
          <PlacePicker multiple />
        </Form.Item>
      </Form>
    </Modal>
  );
}
