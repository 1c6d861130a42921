import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSignedIn } from '../../features/auth/api.ts';
import { menuGroupOf, menuKeyOf, visibleMenu, type MenuEntry } from '../menu.tsx';

/** The role-aware navigation menu. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const item = (m: MenuEntry) => ({
    key: m.key,
    icon: m.icon,
    label: t(`menu.${m.key}`),
    'data-testid': `menu-${m.key}`,
    onClick: () => {
      navigate(m.path);
      onNavigate?.();
    },
  });
  const items = visibleMenu(me.permissions).map((m) =>
    m.children
      ? { key: m.key, icon: m.icon, label: t(`menu.${m.key}`), children: m.children.map(item) }
      : item(m),
  );
  const group = menuGroupOf(pathname);
  return (
    <Menu
      mode="inline"
      selectedKeys={[menuKeyOf(pathname)]}
      defaultOpenKeys={['registry', ...(group ? [group] : [])]}
      items={items}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
