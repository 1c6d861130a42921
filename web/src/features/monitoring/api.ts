import type {
  Income,
  IncomeInput,
  Lead,
  MonitoringLine,
  RuleSet,
  ScreeningResult,
  ScreeningRule,
  ScreeningRules,
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
    queryFn: () => api<Income[]>(`/households/${householdId}/incomes`),
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
    mutationFn: (body: { year: number; placeId: string; amount: number }) =>
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
