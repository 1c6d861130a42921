import { accountPermission, type User } from '@anju/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { useSetDisabled, useUnlock } from '../api.ts';

export type UserDialog = 'password' | 'grant';

/**
 * Row actions, shown by permission: disable, enable and reset password need user:admins on a guarded
 * account (administrators, county admins), user:write on any other (`accountPermission`); grant and
 * unlock need user:grant.
 */
export function UserActions({
  user,
  self,
  permissions,
  onOpen,
}: {
  user: User;
  /** The row is the signed-in user's own account. */
  self: boolean;
  permissions: string[];
  onOpen(dialog: UserDialog): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const setDisabled = useSetDisabled();
  const unlock = useUnlock();
  const done = {
    onSuccess: () => message.success(t('users.saved')),
    onError: (e: unknown) => message.error(errorText(e)),
  };
  const locked = !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
  // one's own account is changed on the password page, never disabled or reset from here
  const manages = !self && permissions.includes(accountPermission(user.roles));

  return (
    <Space size={0} wrap>
      {manages &&
        (user.disabled ? (
          <Button
            type="link"
            size="small"
            onClick={() => setDisabled.mutate({ id: user.id, disabled: false, version: user.version }, done)}
          >
            {t('users.enable')}
          </Button>
        ) : (
          <Popconfirm
            title={t('users.confirmDisable', { name: user.displayName })}
            onConfirm={() => setDisabled.mutate({ id: user.id, disabled: true, version: user.version }, done)}
          >
            <Button type="link" size="small" danger>
              {t('users.disable')}
            </Button>
          </Popconfirm>
        ))}
      {manages && (
        <Button
          type="link"
          size="small"
          onClick={() => onOpen('password')}
          data-testid={`reset-${user.username}`}
        >
          {t('users.resetPassword')}
        </Button>
      )}
      {permissions.includes('user:grant') && (
        <Button
          type="link"
          size="small"
          onClick={() => onOpen('grant')}
          data-testid={`grant-${user.username}`}
        >
          {t('users.grant')}
        </Button>
      )}
      {permissions.includes('user:grant') && locked && (
        <Button type="link" size="small" onClick={() => unlock.mutate(user.id, done)}>
          {t('users.unlock')}
        </Button>
      )}
    </Space>
  );
}
