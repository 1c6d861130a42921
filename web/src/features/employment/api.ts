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
import type {
  HolderAssignInput,
  HoldingEnd,
  Payroll,
  PayrollQueryInput,
  PostAttendanceInput,
  PostAttendanceMonth,
  PostCreateInput,
  PostDetail,
  PostPage,
  PostQueryInput,
  PostTypes,
  PostUpdate,
} from '@anju/contracts';
import type { EmploymentFigures, HouseholdWages, LedgerResult, WageAccept } from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export type { EmploymentRecord, HouseholdEmployment, LabourMember, LabourProfile, ZeroEmploymentDetail };
export type { Holding, Post, PostAttendanceRow, PostDetail } from '@anju/contracts';
export { daysInMonth, payFor, POST_END_REASONS, SHOULD_EXIT_REASONS } from '@anju/contracts';
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

const POSTS = [...EMPLOYMENT, 'posts'] as const;

/** Public-welfare posts in scope, filtered and paged. */
export const usePosts = (q: Omit<PostQueryInput, 'page' | 'pageSize'> & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...POSTS, 'list', q],
    queryFn: () => api<PostPage>('/employment/posts', { query: q }),
    placeholderData: keepPreviousData,
  });

export const usePost = (id: string) =>
  useQuery({
    queryKey: [...POSTS, 'one', id],
    queryFn: () => api<PostDetail>(`/employment/posts/${id}`),
  });

/** The post types with labels in the UI language. */
export function usePostTypes() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [...POSTS, 'types'],
    queryFn: () => api<PostTypes>('/employment/posts/types'),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const types = query.data ?? [];
  const label = (code: string) => {
    const e = types.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  return { ...query, label, options: types.map((d) => ({ value: d.code, label: label(d.code) })) };
}

export const usePostAttendance = (postId: string, month: string) =>
  useQuery({
    queryKey: [...POSTS, 'attendance', postId, month],
    queryFn: () => api<PostAttendanceMonth>(`/employment/posts/${postId}/attendance`, { query: { month } }),
  });

export const usePayroll = (q: PayrollQueryInput) =>
  useQuery({
    queryKey: [...POSTS, 'payroll', q],
    queryFn: () => api<Payroll>('/employment/posts/payroll', { query: q }),
    placeholderData: keepPreviousData,
  });

/** The download address of a month's payroll (.xlsx, masked names). */
export const payrollXlsxUrl = (q: PayrollQueryInput) => apiUrl('/employment/posts/payroll.xlsx', q);

/** Opens a post (no id) or changes one from the version read. */
export function useSavePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: { id?: string; body: PostCreateInput | PostUpdate }) =>
      p.id
        ? api<PostDetail>(`/employment/posts/${p.id}`, { method: 'PATCH', body: p.body })
        : api<PostDetail>('/employment/posts', { method: 'POST', body: p.body }),
    onSettled: () => client.invalidateQueries({ queryKey: EMPLOYMENT }),
  });
}

/** Puts a holder on a post, or ends a holding. */
export function useHolding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      p:
        | { assign: { postId: string; body: HolderAssignInput } }
        | { end: { holdingId: string; body: HoldingEnd } },
    ) =>
      'assign' in p
        ? api<PostDetail>(`/employment/posts/${p.assign.postId}/holder`, {
            method: 'POST',
            body: p.assign.body,
          })
        : api<PostDetail>(`/employment/post-holdings/${p.end.holdingId}/end`, {
            method: 'POST',
            body: p.end.body,
          }),
    onSettled: () => client.invalidateQueries({ queryKey: EMPLOYMENT }),
  });
}

export function useSaveAttendance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: { holdingId: string; body: PostAttendanceInput }) =>
      api<PostAttendanceMonth>(`/employment/post-holdings/${p.holdingId}/attendance`, {
        method: 'PUT',
        body: p.body,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: POSTS }),
  });
}

/** Where the employment ledger's template downloads from. */
export const ledgerTemplateUrl = apiUrl('/employment/ledger/template');

/** Sends the employment ledger to be checked (`commit` false) or saved; the answer comes once every row is. */
export const sendLedger = (file: File, commit: boolean, onProgress: (percent: number) => void) =>
  uploadFile<LedgerResult>('/employment/ledger', file, { dryRun: String(!commit) }, onProgress);
export type { LedgerResult };

/** A household's wage income of `year` from its employment records, beside the income record's wage. */
export const useHouseholdWages = (householdId: string, year: number) =>
  useQuery({
    queryKey: [...EMPLOYMENT, 'wages', householdId, year],
    queryFn: () => api<HouseholdWages>(`/households/${householdId}/employment/wages`, { query: { year } }),
  });

/** Accepts the computed wage into the year's income record; the household's incomes are read again. */
export function useAcceptWages(householdId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WageAccept) =>
      api<HouseholdWages>(`/households/${householdId}/employment/wages/accept`, { method: 'POST', body }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: EMPLOYMENT }),
        client.invalidateQueries({ queryKey: ['monitoring', 'incomes', householdId] }),
      ]),
  });
}
export type { HouseholdWages };

/** The employment figures of a place in scope (the user's own when none), by its children, with the trend. */
export const useFigures = (place: string | undefined) =>
  useQuery({
    queryKey: ['employment', 'figures', place ?? null],
    queryFn: () => api<EmploymentFigures>('/employment/figures', { query: { place } }),
    placeholderData: keepPreviousData,
  });

/** The download address of the figures workbook (numbers, trend, definitions). */
export const figuresXlsxUrl = (place: string | undefined) => apiUrl('/employment/figures.xlsx', { place });
export {
  FIGURE_DEFINITIONS,
  FIGURE_IDS,
  type EmploymentFigures,
  type FigureDefinition,
} from '@anju/contracts';
