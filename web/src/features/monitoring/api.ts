import type {
  DictionaryEntry,
  DictionaryItem,
  DictionaryItemCreate,
  DictionaryItemUpdate,
  EditableDictionary,
  Income,
  IncomeAssessed,
  IncomeInput,
  Lead,
  MonitoringLine,
  ProcedurePolicy,
  ProcedureRules,
  RuleSet,
  ScreeningResult,
  ScreeningRule,
  ScreeningRules,
  Visit,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';
import type { Page } from '../places/api.ts';

export interface LeadFilter {
  q?: string;
  status?: string;
  source?: string;
  flag?: string;
}

export function useIncomes(householdId: string) {
  return useQuery({
    queryKey: ['monitoring', 'incomes', householdId],
    queryFn: () => api<IncomeAssessed[]>(`/households/${householdId}/incomes`),
  });
}

export function useSaveIncome(householdId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IncomeInput) =>
      api<{ income: Income; flags: ScreeningRule[] }>(`/households/${householdId}/incomes`, {
        method: 'PUT',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring'] }),
  });
}

export function useLeads(filter: LeadFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['monitoring', 'leads', filter, page, pageSize],
    queryFn: () => api<Page<Lead>>('/monitoring/leads', { query: { ...filter, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useRunScreening() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number }) =>
      api<ScreeningResult>('/monitoring/screenings', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'leads'] }),
  });
}

export function useLines() {
  return useQuery({
    queryKey: ['monitoring', 'lines'],
    queryFn: () => api<MonitoringLine[]>('/monitoring/lines'),
  });
}

export function useSetLine() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; placeId: string; amount: number; source: string }) =>
      api<MonitoringLine>('/monitoring/lines', { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'lines'] }),
  });
}

export function useRules() {
  return useQuery({ queryKey: ['monitoring', 'rules'], queryFn: () => api<RuleSet>('/monitoring/rules') });
}

export function useRuleHistory() {
  return useQuery({
    queryKey: ['monitoring', 'rules', 'history'],
    queryFn: () => api<RuleSet[]>('/monitoring/rules/history'),
  });
}

export function useSaveRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { rules: ScreeningRules; note: string; version: number }) =>
      api<RuleSet>('/monitoring/rules', { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'rules'] }),
  });
}

/** The entries of one editable monitoring code list, retired ones included. */
export function useDictionaryItems(kind: EditableDictionary) {
  return useQuery({
    queryKey: ['monitoring', 'dictionaries', kind],
    queryFn: () => api<DictionaryItem[]>(`/monitoring/dictionaries/${kind}`),
  });
}

/** Adding and editing both refresh this list and the pickers that offer the active entries. */
export function useSaveDictionaryItem(kind: EditableDictionary) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      v:
        | { code: string; create: true; body: DictionaryItemCreate }
        | { code: string; create?: false; body: DictionaryItemUpdate },
    ) =>
      v.create
        ? api<DictionaryItem>(`/dictionaries/${kind}`, { method: 'POST', body: v.body })
        : api<DictionaryItem>(`/dictionaries/${kind}/${v.code}`, { method: 'PUT', body: v.body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['monitoring', 'dictionaries', kind] }),
        client.invalidateQueries({ queryKey: ['dictionary', kind] }),
      ]),
  });
}

/** Makes a visit's finding the household's open monitoring lead (or adds it to the one already open). */
export function useRaiseVisitLead(visit: Visit) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Lead>('/monitoring/leads', {
        method: 'POST',
        body: { householdId: visit.householdId, source: 'visit', visitId: visit.id, note: visit.findings },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'leads'] }),
  });
}

/** The risk types a resident may declare. */
export const useRiskTypes = () =>
  useQuery({
    queryKey: ['dictionary', 'risk_type'],
    queryFn: () => api<DictionaryEntry[]>('/dictionaries/risk_type'),
  });

/** A resident's own declaration of difficulty, which becomes a lead. */
export const useDeclare = () =>
  useMutation({
    mutationFn: (body: { reasons: string[]; note: string }) =>
      api<Lead>('/monitoring/declarations', { method: 'POST', body }),
  });

/** The procedure policy in force where the caller works (or at `placeId`). */
export function useProcedure(placeId?: string) {
  return useQuery({
    queryKey: ['monitoring', 'procedure', placeId],
    queryFn: () => api<ProcedurePolicy>('/monitoring/procedure', { query: { placeId } }),
  });
}

/** The versions a region has set itself, newest first. */
export function useProcedureHistory(placeId?: string) {
  return useQuery({
    queryKey: ['monitoring', 'procedure', 'history', placeId],
    queryFn: () => api<ProcedurePolicy[]>('/monitoring/procedure/history', { query: { placeId } }),
    enabled: !!placeId,
  });
}

export function useSaveProcedure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { placeId: string; rules: ProcedureRules; note: string; basedOn: string }) =>
      api<ProcedurePolicy>('/monitoring/procedure', { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'procedure'] }),
  });
}
