import type { ErrorBody, ImportJob } from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, apiUrl, csrfHeader } from '../../ui/api.ts';

export const TEMPLATE_URL = apiUrl('/registry/import-template');
/** The error report of an import, in the reader's language. */
export const errorsUrl = (id: string, lang: string) =>
  apiUrl(`/registry/imports/${id}/errors.xlsx`, { lang });

/** Uploads a file with XHR, so the page can show the upload's progress; resolves to the new job. */
export function uploadImport(file: File, onProgress: (percent: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/registry/imports'));
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportJob);
      const error = (body as ErrorBody | null)?.error;
      reject(
        error
          ? new ApiError(xhr.status, error.code, error.message, error.details ?? [], error.requestId)
          : new ApiError(xhr.status, xhr.status >= 500 ? 'internal' : 'unknown', xhr.statusText),
      );
    };
    xhr.onerror = () => reject(new TypeError('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

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
