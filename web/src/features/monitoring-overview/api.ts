import type { MonitoringOverview } from '@anju/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

/** The monitoring overview of the caller's scope, or of a place in it, with a trend of `months` months. */
export const useMonitoringOverview = (under: string | undefined, months: number) =>
  useQuery({
    queryKey: ['monitoring', 'overview', under ?? null, months],
    queryFn: () => api<MonitoringOverview>('/monitoring/overview', { query: { under, months } }),
    placeholderData: keepPreviousData,
  });
