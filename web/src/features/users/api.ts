import type { Role, User, UserCreate, UserGrant, UserImportResult } from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';
import type { Page } from '../places/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export interface UserFilter {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: () => api<Page<User>>('/users', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<V>(call: (v: V) => Promise<User>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export const useCreateUser = () =>
  useUserMutation((body: UserCreate) => api<User>('/users', { method: 'POST', body }));

export const useSetDisabled = () =>
  useUserMutation((u: { id: string; disabled: boolean; version: number }) =>
    api<User>(`/users/${u.id}`, { method: 'PATCH', body: { disabled: u.disabled, version: u.version } }),
  );

export const useResetPassword = () =>
  useUserMutation((u: { id: string; password: string }) =>
    api<User>(`/users/${u.id}/password`, { method: 'POST', body: { password: u.password } }),
  );

export const useGrant = () =>
  useUserMutation(({ id, ...body }: UserGrant & { id: string }) =>
    api<User>(`/users/${id}/grants`, { method: 'PUT', body }),
  );

export const useUnlock = () =>
  useUserMutation((id: string) => api<User>(`/users/${id}/unlock`, { method: 'POST' }));

/** Sends a workbook of accounts: checked only (a dry run), or created when `commit`. */
export function useImportAccounts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, commit }: { file: File; commit: boolean }) =>
      uploadFile<UserImportResult>(`/users/import?commit=${commit}`, file, {}, () => {}),
    onSuccess: (result) => result.committed && client.invalidateQueries({ queryKey: ['users'] }),
  });
}
