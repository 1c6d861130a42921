import type {
  CaseAct,
  CaseDetail,
  CaseStep,
  DictionaryEntry,
  EliminationCheck,
  Measure,
  MeasureInput,
  MonitoringCase,
  MonitoringOverview,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api.ts';
import type { Page } from '../places/api.ts';

const ALL = ['cases'] as const;

/** The workbench filters, as the list endpoint takes them. */
export interface CaseFilter {
  q?: string;
  step?: CaseStep;
  overdue?: 'true';
  mine?: 'true';
  category?: string;
  under?: string;
}

export const useCases = (filter: CaseFilter, page: number, pageSize: number) =>
  useQuery({
    queryKey: [...ALL, 'list', filter, page, pageSize],
    queryFn: () => api<Page<MonitoringCase>>('/monitoring/cases', { query: { ...filter, page, pageSize } }),
    placeholderData: keepPreviousData,
  });

/** Live cases per step in the caller's scope, for the step switcher; empty when the overview is unavailable. */
export const useStepCounts = (under?: string) =>
  useQuery({
    queryKey: [...ALL, 'counts', under],
    queryFn: () => api<MonitoringOverview>('/monitoring/overview', { query: { under, months: 1 } }),
    select: (o) => Object.fromEntries(o.byStep.map((s) => [s.code, s.count])) as Record<string, number>,
    retry: false,
  });

export const useCase = (id: string) =>
  useQuery({ queryKey: [...ALL, 'detail', id], queryFn: () => api<CaseDetail>(`/monitoring/cases/${id}`) });

export const useHouseholdCases = (householdId: string) =>
  useQuery({
    queryKey: [...ALL, 'household', householdId],
    queryFn: () => api<MonitoringCase[]>(`/households/${householdId}/cases`),
  });

export const useEliminationCheck = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...ALL, 'elimination', id],
    queryFn: () => api<EliminationCheck>(`/monitoring/cases/${id}/elimination-check`),
    enabled,
  });

/** Opens a case from an open lead. */
export function useOpenCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (leadId: string) =>
      api<CaseDetail>('/monitoring/cases', { method: 'POST', body: { leadId } }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ALL }),
        client.invalidateQueries({ queryKey: ['monitoring', 'leads'] }),
      ]),
  });
}

/** Takes an action on the version of the case on screen. */
export function useCaseAct(c: { id: string; version: number }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<CaseAct, 'version'>) =>
      api<CaseDetail>(`/monitoring/cases/${c.id}/actions`, {
        method: 'POST',
        body: { ...body, version: c.version },
      }),
    onSuccess: (detail) => client.setQueryData([...ALL, 'detail', c.id], detail),
    onSettled: () => client.invalidateQueries({ queryKey: ALL }),
  });
}

/** Adds a measure, or saves one being edited (its version travels in the input). */
export function useSaveMeasure(caseId: string, measureId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasureInput) =>
      api<Measure>(`/monitoring/cases/${caseId}/measures${measureId ? `/${measureId}` : ''}`, {
        method: measureId ? 'PUT' : 'POST',
        body,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ALL }),
  });
}

/** A monitoring dictionary (categories, risk types, comparison items), with a label in the UI language. */
export function useDictionary(kind: 'monitoring_category' | 'risk_type' | 'comparison_item') {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['dictionary', kind],
    queryFn: () => api<DictionaryEntry[]>(`/dictionaries/${kind}`),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const label = (code: string) => {
    const e = query.data?.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  const options = (query.data ?? []).map((d) => ({ value: d.code, label: english ? d.labelEn : d.labelZh }));
  return { ...query, label, options };
}
