import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSignedIn } from '../../features/auth/api.ts';
import { menuKeyOf, visibleMenu } from '../menu.tsx';

/** The role-aware navigation menu. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = visibleMenu(me.permissions).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: t(`menu.${m.key}`),
    'data-testid': `menu-${m.key}`,
    onClick: () => {
      navigate(m.path);
      onNavigate?.();
    },
  }));
  return (
    <Menu
      mode="inline"
      selectedKeys={[menuKeyOf(pathname)]}
      items={items}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
