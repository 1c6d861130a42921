import type { IncidentCounts, Permission } from '@anju/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const ONE = { page: 1, pageSize: 1 } as const;
const total = (path: string, query: Record<string, string | number>) => () =>
  api<{ total: number }>(path, { query: { ...query, ...ONE } }).then((p) => p.total);

// Keys start with each feature's own key so that its changes (accepting, visiting, …) refresh the home.
/** The counts on the home's to-do cards, each asked for only when the user's permissions allow it. */
export function useTodoCounts(permissions: readonly string[]) {
  const can = (p: Permission) => permissions.includes(p);
  const official = can('incident:read');
  return {
    incidents: useQuery({
      queryKey: ['incidents', 'counts', 'home'],
      queryFn: () => api<IncidentCounts>('/incidents/counts'),
      enabled: official,
    }),
    myReports: useQuery({
      queryKey: ['incidents', 'mine', 'home'],
      queryFn: total('/incidents', { mine: 'true' }),
      enabled: can('incident:report') && !official,
    }),
    visitsDue: useQuery({
      queryKey: ['visits', 'due', 'home'],
      queryFn: total('/visits/due', {}),
      enabled: can('visit:write') && can('grid:read'),
    }),
    leads: useQuery({
      queryKey: ['monitoring', 'leads', 'home'],
      queryFn: total('/monitoring/leads', { status: 'open' }),
      enabled: can('monitoring:write'),
    }),
    cases: useQuery({
      queryKey: ['cases', 'list', 'home'],
      queryFn: total('/monitoring/cases', { mine: 'true' }),
      enabled: can('monitoring:read'),
    }),
  };
}
