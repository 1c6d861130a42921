import type {
  Incident,
  INCIDENT_SOURCES,
  IncidentAction,
  IncidentAssignees,
  IncidentCategory,
  IncidentCategoryLimits,
  IncidentCounts,
  IncidentDetail,
  IncidentTab,
  LocationKind,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';
import { FilesNotSent, sendEach, uploadFile } from '../../ui/upload.ts';

/** A kind of problem a resident may report. */
export type Category = IncidentCategory;
export type IncidentItem = Incident;

const ALL = ['incidents'] as const;
const MINE = ['incidents', 'mine'] as const;

export const useCategories = () =>
  useQuery({ queryKey: ['incident-categories'], queryFn: () => api<Category[]>('/incident-categories') });

/** Sets a category's limits, in hours or working days, at the version read. */
export function useSaveCategoryLimits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...limits }: IncidentCategoryLimits & { code: string }) =>
      api<Category>(`/incident-categories/${code}/limits`, { method: 'PUT', body: limits }),
    onSettled: () => client.invalidateQueries({ queryKey: ['incident-categories'] }),
  });
}

/** The signed-in user's own reports, newest first. */
export const useMyReports = () =>
  useQuery({
    queryKey: MINE,
    queryFn: () =>
      api<{ items: IncidentItem[]; total: number }>('/incidents', { query: { mine: 'true', pageSize: 100 } }),
  });

/** The workbench filters, as the list endpoint takes them. */
export interface IncidentFilters {
  tab?: IncidentTab;
  status?: string;
  categoryCode?: string;
  level?: string;
  overdue?: 'true';
  supervised?: 'true';
  assignedToMe?: 'true';
  open?: 'true';
  q?: string;
  under?: string;
}

/** Incidents in the caller's scope, as the server limits them. */
export const useIncidents = (filters: IncidentFilters, page: number, pageSize: number) =>
  useQuery({
    queryKey: [...ALL, 'list', filters, page, pageSize],
    queryFn: () =>
      api<{ items: IncidentItem[]; total: number }>('/incidents', { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });

/** How many incidents each workbench tab holds under the other filters. */
export const useIncidentCounts = ({ tab: _, ...filters }: IncidentFilters) =>
  useQuery({
    queryKey: [...ALL, 'counts', filters],
    queryFn: () => api<IncidentCounts>('/incidents/counts', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });

export const useIncident = (id: string) =>
  useQuery({ queryKey: [...ALL, 'detail', id], queryFn: () => api<IncidentDetail>(`/incidents/${id}`) });

export const useAssignees = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...ALL, 'assignees', id],
    queryFn: () => api<IncidentAssignees>(`/incidents/${id}/assignees`),
    enabled,
  });

/** Sends one photo (or the voice message) of the caller's latest step on an incident, telling how much of it has gone. */
export function uploadPhoto(
  incidentId: string,
  photo: Blob,
  onProgress: (percent: number) => void = () => {},
) {
  const voice = photo.type.startsWith('audio/');
  return uploadFile<unknown>(
    `/incidents/${incidentId}/${voice ? 'voice' : 'photos'}`,
    asFile(photo),
    {},
    onProgress,
  );
}

const asFile = (photo: Blob) =>
  photo instanceof File
    ? photo
    : new File([photo], photo.type.startsWith('audio/') ? 'voice' : 'photo.jpg', { type: photo.type });

/** Sends `photos` one after another; on a failure, throws `FilesNotSent` with those still to send. */
const sendPhotos = (incidentId: string, photos: Blob[], onProgress?: (percent: number) => void) =>
  sendEach(
    incidentId,
    photos.map(asFile),
    (file, progress) => uploadPhoto(incidentId, file, progress),
    onProgress,
  );

/** Sends again the photos of a report that did not all arrive. */
export function useSendPhotos() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, left, onProgress }: FilesNotSent & { onProgress: (p: number) => void }) =>
      sendPhotos(recordId, left, onProgress),
    onSettled: () => client.invalidateQueries({ queryKey: ALL }),
  });
}

export const photoUrl = (photoId: string) => apiUrl(`/incident-photos/${photoId}`);

export interface ActInput {
  action: IncidentAction;
  note?: string;
  assigneeUserId?: string;
  departmentId?: string;
  hours?: number;
  days?: number;
  satisfaction?: string;
  categoryCode?: string;
  /** Photos of this step, sent once the step is taken. */
  photos?: Blob[];
}

/** Takes a workflow action on the version on screen, then sends its photos. */
export function useAct(incident: { id: string; version: number }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ photos, ...body }: ActInput) => {
      const done = await api<IncidentDetail>(`/incidents/${incident.id}/actions`, {
        method: 'POST',
        body: { ...body, version: incident.version },
      });
      for (const photo of photos ?? []) await uploadPhoto(incident.id, photo);
      return done;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ALL }),
  });
}

export interface NewReport {
  /** Left out in a quick report. */
  categoryCode?: string;
  title?: string;
  description: string;
  placeId: string;
  locationKind?: LocationKind;
  lat?: number;
  lng?: number;
  /** Officials taking a report for someone else: where it came from and who called. */
  source?: (typeof INCIDENT_SOURCES)[number];
  reporterName?: string;
  photos?: Blob[];
  /** Told how much of the photos has gone, in percent. */
  onProgress?: (percent: number) => void;
}

/** Sends a report, then its photos; when a photo fails, throws `FilesNotSent` so they can be sent again. */
export function useReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ photos, onProgress, ...body }: NewReport) => {
      const created = await api<IncidentItem>('/incidents', { method: 'POST', body });
      await sendPhotos(created.id, photos ?? [], onProgress);
      return created;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ALL }),
  });
}

export function useRecall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (i: { id: string; version: number }) =>
      api(`/incidents/${i.id}/actions`, {
        method: 'POST',
        body: { action: 'recall', version: i.version, note: '' },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ALL }),
  });
}
