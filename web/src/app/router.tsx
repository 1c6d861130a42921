import type { Permission } from '@anju/contracts';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AuditPage } from '../features/audit/pages/AuditPage.tsx';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/pages/LoginPage.tsx';
import { HomePage } from '../features/home/pages/HomePage.tsx';
import { PlacesPage } from '../features/places/pages/PlacesPage.tsx';
import { UsersPage } from '../features/users/pages/UsersPage.tsx';
import { NotFoundPage } from '../ui/StatusPages.tsx';
import { RequirePermission, RequireSession, SessionWatch } from './access.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  {
    element: <SessionWatch />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'places', element: guarded('place:read', <PlacesPage />) },
              { path: 'places/:id', element: guarded('place:read', <PlacesPage />) },
              { path: 'admin/users', element: guarded('user:read', <UsersPage />) },
              { path: 'admin/audit', element: guarded('audit:read', <AuditPage />) },
              { path: 'password', element: <ChangePasswordPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
