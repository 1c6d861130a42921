import type { Me, Permission } from '@anju/contracts';
import { Flex, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useMe, useSignedIn } from '../features/auth/api.ts';
import type { LoginNotice } from '../features/auth/pages/LoginPage.tsx';
import { setSessionHandler } from '../ui/api.ts';
import { ErrorView } from '../ui/ErrorView.tsx';
import { isCode } from '../ui/errors.ts';
import { ForbiddenPage } from '../ui/StatusPages.tsx';

/**
 * Sends the user to the login page whenever the server says the session is gone, and to the
 * change-password page whenever it says the password must be changed first.
 */
export function SessionWatch() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    setSessionHandler((code) => {
      if (window.location.pathname === '/login') return;
      if (code === 'password_change_required') {
        client.setQueryData<Me>(['me'], (me) => me && { ...me, mustChangePassword: true });
        if (window.location.pathname !== '/password') navigate('/password', { replace: true });
        return;
      }
      client.removeQueries({ queryKey: ['me'] });
      const notice: LoginNotice | undefined = code === 'session_expired' ? 'expired' : undefined;
      navigate('/login', { replace: true, state: { notice } });
    });
  }, [navigate, client]);
  return <Outlet />;
}

/** A whole-page spinner while the session or the signed-in frame loads. */
export function PageLoading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }} data-testid="page-loading">
      <Spin size="large" />
    </Flex>
  );
}

/** Renders its routes only for a signed-in user who need not change the password first. */
export function RequireSession() {
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <PageLoading />;
  if (isCode(me.error, 'session_expired'))
    return <Navigate to="/login" replace state={{ notice: 'expired' satisfies LoginNotice }} />;
  if (isCode(me.error, 'unauthenticated')) return <Navigate to="/login" replace />;
  if (me.error) return <ErrorView error={me.error} />;
  if (me.data.mustChangePassword && pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

/** Shows the 403 page instead of its children when the permission is missing. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSignedIn();
  return me.permissions.includes(permission) ? children : <ForbiddenPage />;
}
