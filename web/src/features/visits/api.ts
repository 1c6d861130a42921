import type {
  Coverage,
  CoverageRow,
  DictionaryEntry,
  DueList,
  DueQuery,
  Household,
  IncidentCategory,
  Visit,
  VisitPlan,
  VisitPlanCreate,
  VisitPlans,
  VisitPlanUpdate,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, csrfHeader, ApiError } from '../../ui/api.ts';
import type { Page } from '../places/api.ts';

export type { Coverage, CoverageRow, DueList, IncidentCategory };
export type CodeEntry = DictionaryEntry;

export interface NewVisit {
  householdId: string;
  visitedOn: string;
  kind: string;
  findings: string;
  followUps: string;
}

const VISITS = ['visits'] as const;

export const useDue = (q: Partial<DueQuery>) =>
  useQuery({
    queryKey: [...VISITS, 'due', q],
    queryFn: () => api<DueList>('/visits/due', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useVisits = (q: { householdId?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...VISITS, 'list', q],
    queryFn: () => api<Page<Visit>>('/visits', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useVisit = (id: string) =>
  useQuery({ queryKey: [...VISITS, 'one', id], queryFn: () => api<Visit>(`/visits/${id}`) });

export const useVisitKinds = () =>
  useQuery({
    queryKey: ['dictionary', 'visit_kind'],
    queryFn: () => api<CodeEntry[]>('/dictionaries/visit_kind'),
    staleTime: 10 * 60_000,
  });

export const useIncidentCategories = () =>
  useQuery({
    queryKey: ['incident-categories'],
    queryFn: () => api<IncidentCategory[]>('/incident-categories'),
    staleTime: 10 * 60_000,
  });

/** Sends one photo of a visit (multipart, as the server takes one file a request). */
async function uploadPhoto(visitId: string, file: File) {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(`/api/visits/${visitId}/photos`, {
    method: 'POST',
    headers: csrfHeader(),
    credentials: 'same-origin',
    body,
  });
  if (!res.ok) {
    const e = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(res.status, e?.error?.code ?? 'unknown', e?.error?.message ?? res.statusText);
  }
}

/**
 * Logs a visit, then sends its photos one by one; a photo that fails leaves the visit logged and
 * is answered as `photoError`, so the visit is not logged twice.
 */
export function useLogVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ visit, photos }: { visit: NewVisit; photos: File[] }) => {
      const created = await api<Visit>('/visits', { method: 'POST', body: visit });
      try {
        for (const photo of photos) await uploadPhoto(created.id, photo);
        return { visit: created, photoError: null };
      } catch (photoError) {
        return { visit: created, photoError };
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: VISITS }),
  });
}

export function useAddPhotos(visitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (photos: File[]) => {
      for (const photo of photos) await uploadPhoto(visitId, photo);
    },
    onSettled: () => client.invalidateQueries({ queryKey: VISITS }),
  });
}

export function useToIncident(visitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { categoryCode: string; title: string; description: string }) =>
      api<{ visit: Visit; incident: { id: string; code: string } }>(`/visits/${visitId}/incident`, {
        method: 'POST',
        body,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: VISITS }),
  });
}

export const useCoverage = (q: { communityId?: string; from: string; to: string }) =>
  useQuery({
    queryKey: [...VISITS, 'coverage', q],
    queryFn: () => api<Coverage>('/visits/coverage', { query: q }),
    enabled: !!q.communityId,
    placeholderData: keepPreviousData,
  });

const PLANS = ['visit-plans'] as const;

export const usePlans = (communityId: string | undefined) =>
  useQuery({
    queryKey: [...PLANS, communityId],
    queryFn: () => api<VisitPlans>('/visit-plans', { query: { communityId } }),
    enabled: !!communityId,
  });

export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: { id?: string; body: VisitPlanCreate | VisitPlanUpdate }) =>
      p.id
        ? api<VisitPlan>(`/visit-plans/${p.id}`, { method: 'PUT', body: p.body })
        : api<VisitPlan>('/visit-plans', { method: 'POST', body: p.body }),
    onSettled: () => client.invalidateQueries({ queryKey: PLANS }),
  });
}

export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: VisitPlan) =>
      api(`/visit-plans/${p.id}`, { method: 'DELETE', query: { version: p.version } }),
    onSettled: () => client.invalidateQueries({ queryKey: PLANS }),
  });
}

/** Up to 20 households of the caller's scope by head or number, for picking one. */
export const useHouseholdPick = (q: string) =>
  useQuery({
    queryKey: ['households', 'pick', q],
    queryFn: () => api<{ items: Household[] }>('/households', { query: { q, pageSize: 20 } }),
  });

/** The household already picked, when the found ones do not hold it (`wanted`). */
export const usePickedHousehold = (id: string | undefined, wanted: boolean) =>
  useQuery({
    queryKey: ['households', 'one', id],
    queryFn: () => api<Household>(`/households/${id}`),
    enabled: !!id && wanted,
  });
