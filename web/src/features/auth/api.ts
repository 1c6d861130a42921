import type { LoginRequest, Me } from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../ui/api.ts';

const ME = ['me'] as const;

async function fetchMe(): Promise<Me> {
  const me = await api<Me>('/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user; fails with `unauthenticated` when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME, queryFn: fetchMe, retry: false, staleTime: Infinity });
}

/** The signed-in user, for components rendered only behind the session guard. */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn outside the session guard');
  return data;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api<Me>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      client.clear();
      setCsrfToken(me.csrfToken);
      client.setQueryData(ME, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(undefined);
      client.clear();
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api('/auth/password', { method: 'POST', body }),
    onSuccess: () => {
      setCsrfToken(undefined);
      client.clear();
    },
  });
}
