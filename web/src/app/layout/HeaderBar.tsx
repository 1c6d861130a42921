import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout, useSignedIn } from '../../features/auth/api.ts';
import { NotificationBell } from '../../features/notifications/components/NotificationBell.tsx';
import { useNotificationStream } from '../../features/notifications/useNotificationStream.ts';
import { ScopeSwitcher } from '../../features/places/components/ScopeSwitcher.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { useScope } from '../../ui/scope.tsx';

/** Menu button (phones), the scope switcher unless the page has its own scope control, notifications, language, and the signed-in user with sign-out. */
export function HeaderBar({ phone, onOpenMenu }: { phone: boolean; onOpenMenu(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const logout = useLogout();
  const { setScope, pageControl } = useScope();
  const navigate = useNavigate();
  const roles = me.roles.map((r) => t(`roles.${r}`)).join('、');
  // Until the password is changed the server answers nothing else, so neither is asked for.
  const working = !me.mustChangePassword;
  useNotificationStream(me.csrfToken, working);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        setScope(null);
        navigate('/login', { replace: true });
      },
    });

  const userMenu = {
    items: [
      { key: 'roles', label: <Typography.Text type="secondary">{roles}</Typography.Text>, disabled: true },
      { type: 'divider' as const },
      {
        key: 'notificationSettings',
        icon: <BellOutlined />,
        label: t('menu.notificationSettings'),
        onClick: () => navigate('/notifications/settings'),
        'data-testid': 'profile-notification-settings',
      },
      {
        key: 'logout',
        icon: <LogoutOutlined />,
        label: t('header.logout'),
        onClick: signOut,
        'data-testid': 'logout',
      },
    ],
  };

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: phone ? '0 8px' : '0 24px',
        borderBottom: '1px solid #f0f0f0',
        lineHeight: 'normal',
        height: 56,
      }}
    >
      <Flex align="center" gap={8} style={{ height: '100%' }}>
        {phone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            aria-label={t('menu.open')}
            data-testid="menu-toggle"
          />
        )}
        {working && me.permissions.includes('place:read') && !pageControl && <ScopeSwitcher phone={phone} />}
        <Space size={phone ? 0 : 8} style={{ marginInlineStart: 'auto', flexShrink: 0 }}>
          {working && <NotificationBell phone={phone} />}
          <LanguageSwitch />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              {!phone && (
                <span>
                  <span data-testid="user-name">{me.displayName}</span>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} data-testid="user-roles">
                    {roles}
                  </Typography.Text>
                </span>
              )}
            </Button>
          </Dropdown>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
