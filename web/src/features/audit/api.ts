import type { AuditEntry } from '@anju/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';
import type { Page } from '../places/api.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  result?: AuditEntry['result'];
  from?: string;
  to?: string;
}

export function useAuditLog(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => api<Page<AuditEntry>>('/audit', { query: { ...filter, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** The download address of the filtered log as an Excel or CSV file. */
export const exportUrl = (filter: AuditFilter, format: 'xlsx' | 'csv') =>
  apiUrl('/audit/export', { ...filter, format });
