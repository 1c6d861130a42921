import type { ImportJob } from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export const TEMPLATE_URL = apiUrl('/registry/import-template');
/** The error report of an import, in the reader's language. */
export const errorsUrl = (id: string, lang: string) =>
  apiUrl(`/registry/imports/${id}/errors.xlsx`, { lang });

/** Uploads a file, showing the upload's progress; resolves to the new job. */
export const uploadImport = (file: File, onProgress: (percent: number) => void) =>
  uploadFile<ImportJob>('/registry/imports', file, {}, onProgress);

const RUNNING = new Set(['validating', 'committing']);

/** An import job, polled every second while it validates or commits; errors paged. */
export function useImportJob(id: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['imports', id, page, pageSize],
    queryFn: () => api<ImportJob>(`/registry/imports/${id}`, { query: { page, pageSize } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.status) ? 1000 : false),
  });
}

export function useCommitImport(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (skipBadRows: boolean) =>
      api<ImportJob>(`/registry/imports/${id}/commit`, { method: 'POST', body: { skipBadRows } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['imports', id] }),
        client.invalidateQueries({ queryKey: ['persons'] }),
        client.invalidateQueries({ queryKey: ['households'] }),
      ]),
  });
}
