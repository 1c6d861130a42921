import type { Kpi, KpiBreakdown, KpiDefinition, KpiGrouping, KpiInterval, KpiTrend } from '@anju/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';

/** What the KPI page looks at: whole days in China time, under a place (or all of the user's scope). */
export interface KpiFilter {
  from: string;
  to: string;
  under?: string;
}

export const useKpiDefinitions = () =>
  useQuery({
    queryKey: ['kpi', 'definitions'],
    queryFn: () => api<KpiDefinition[]>('/incidents/kpi/definitions'),
    staleTime: Infinity,
  });

export const useKpiTotals = (f: KpiFilter) =>
  useQuery({
    queryKey: ['kpi', 'totals', f],
    queryFn: () => api<Kpi>('/incidents/kpi', { query: { ...f } }),
    placeholderData: keepPreviousData,
  });

export const useKpiBreakdown = (f: KpiFilter, by: KpiGrouping) =>
  useQuery({
    queryKey: ['kpi', 'breakdown', f, by],
    queryFn: () => api<KpiBreakdown>('/incidents/kpi/breakdown', { query: { ...f, by } }),
    placeholderData: keepPreviousData,
  });

export const useKpiTrend = (f: KpiFilter, interval: KpiInterval) =>
  useQuery({
    queryKey: ['kpi', 'trend', f, interval],
    queryFn: () => api<KpiTrend>('/incidents/kpi/trend', { query: { ...f, interval } }),
    placeholderData: keepPreviousData,
  });

export const kpiExportUrl = (f: KpiFilter, by: KpiGrouping) => apiUrl('/incidents/kpi/export', { ...f, by });
