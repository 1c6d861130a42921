import type {
  EmploymentRecord,
  EmploymentRecordCreateInput,
  EmploymentRecordUpdateInput,
  HouseholdEmployment,
  LabourMember,
  LabourPage,
  LabourProfile,
  LabourProfileInput,
  ZeroEmploymentDetail,
  ZeroHelpCreate,
  ZeroPage,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export type { EmploymentRecord, HouseholdEmployment, LabourMember, LabourProfile, ZeroEmploymentDetail };
export {
  EMPLOYMENT_KINDS,
  EMPLOYMENT_SOURCES,
  NOT_WORKING_REASONS,
  WORK_PREFERENCES,
  ZERO_HELP_KINDS,
} from '@anju/contracts';

const EMPLOYMENT = ['employment'] as const;

export const useHouseholdEmployment = (householdId: string | undefined) =>
  useQuery({
    queryKey: [...EMPLOYMENT, 'household', householdId],
    queryFn: () => api<HouseholdEmployment>(`/households/${householdId}/employment`),
    enabled: !!householdId,
  });

export const useLabour = (q: { employed?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...EMPLOYMENT, 'labour', q],
    queryFn: () => api<LabourPage>('/employment/labour', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useZeroList = (q: { status: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...EMPLOYMENT, 'zero', q],
    queryFn: () => api<ZeroPage>('/employment/zero', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useZero = (id: string) =>
  useQuery({
    queryKey: [...EMPLOYMENT, 'zero', 'one', id],
    queryFn: () => api<ZeroEmploymentDetail>(`/employment/zero/${id}`),
  });

/** Adds a record (no `id`) or changes one from its version; ending one is setting its end. */
export function useSaveRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: { id?: string; body: EmploymentRecordCreateInput | EmploymentRecordUpdateInput }) =>
      p.id
        ? api<EmploymentRecord>(`/employment/records/${p.id}`, { method: 'PATCH', body: p.body })
        : api<EmploymentRecord>('/employment/records', { method: 'POST', body: p.body }),
    onSettled: () => client.invalidateQueries({ queryKey: EMPLOYMENT }),
  });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: { personId: string; body: Partial<LabourProfileInput> }) =>
      api<LabourProfile>(`/persons/${p.personId}/labour`, { method: 'PUT', body: p.body }),
    onSettled: () => client.invalidateQueries({ queryKey: EMPLOYMENT }),
  });
}

export function useAddHelp(zeroId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ZeroHelpCreate) =>
      api<ZeroEmploymentDetail>(`/employment/zero/${zeroId}/help`, { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: EMPLOYMENT }),
  });
}
