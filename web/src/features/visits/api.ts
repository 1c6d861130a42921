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
import { api } from '../../ui/api.ts';
import { sendEach, uploadFile, type FilesNotSent } from '../../ui/upload.ts';
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

/** Sends one photo of a visit (one file a request), telling how much of it has gone. */
const uploadPhoto = (visitId: string, file: File, onProgress: (percent: number) => void = () => {}) =>
  uploadFile<unknown>(`/visits/${visitId}/photos`, file, {}, onProgress);

/** Sends photos of a visit one by one; on a failure throws `FilesNotSent` with those left. */
const sendPhotos = (visitId: string, photos: File[], onProgress?: (percent: number) => void) =>
  sendEach(visitId, photos, (file, progress) => uploadPhoto(visitId, file, progress), onProgress);

/**
 * Logs a visit, then sends its photos with their progress; when a photo fails the visit stays logged
 * and `FilesNotSent` names the photos to send again (logging again would log the visit twice).
 */
export function useLogVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      visit,
      photos,
      onProgress,
    }: {
      visit: NewVisit;
      photos: File[];
      onProgress?: (percent: number) => void;
    }) => {
      const created = await api<Visit>('/visits', { method: 'POST', body: visit });
      await sendPhotos(created.id, photos, onProgress);
      return created;
    },
    onSettled: () => client.invalidateQueries({ queryKey: VISITS }),
  });
}

/** Sends again the photos of a logged visit that did not all arrive. */
export function useSendVisitPhotos() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, left, onProgress }: FilesNotSent & { onProgress: (percent: number) => void }) =>
      sendPhotos(recordId, left, onProgress),
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
