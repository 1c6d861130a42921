import { ApartmentOutlined, AuditOutlined, HomeOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@anju/contracts';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ReactNode;
  permission?: Permission;
}

/** The side menu; an entry shows when the user holds its permission. */
export const MENU: MenuEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'places', path: '/places', icon: <ApartmentOutlined />, permission: 'place:read' },
  { key: 'users', path: '/admin/users', icon: <TeamOutlined />, permission: 'user:read' },
  { key: 'audit', path: '/admin/audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { key: 'password', path: '/password', icon: <KeyOutlined /> },
];

export const visibleMenu = (permissions: readonly string[]) =>
  MENU.filter((m) => !m.permission || permissions.includes(m.permission));

/** The menu entry a path belongs to, for highlighting. */
export const menuKeyOf = (pathname: string) =>
  [...MENU].reverse().find((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)))?.key ??
  'home';
