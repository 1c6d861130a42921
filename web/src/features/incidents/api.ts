import type { Incident } from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

/** A kind of problem a resident may report. */
export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
}
export type IncidentItem = Incident;

const MINE = ['incidents', 'mine'] as const;

export const useCategories = () =>
  useQuery({ queryKey: ['incident-categories'], queryFn: () => api<Category[]>('/incident-categories') });

/** The signed-in user's own reports, newest first. */
export const useMyReports = () =>
  useQuery({
    queryKey: MINE,
    queryFn: () => api<{ items: IncidentItem[] }>('/incidents', { query: { mine: 'true' } }),
  });

export interface NewReport {
  categoryCode: string;
  title: string;
  description: string;
  placeId: string;
}

export function useReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReport) => api<IncidentItem>('/incidents', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: MINE }),
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
    onSuccess: () => client.invalidateQueries({ queryKey: MINE }),
  });
}
