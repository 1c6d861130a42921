import type { ErrorBody } from '@anju/contracts';
import { ApiError, apiUrl, csrfHeader } from './api.ts';

/**
 * Posts a file with its form fields through XHR, so the page can show the upload's progress;
 * resolves to the answer's JSON, rejects with the API's error.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
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
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as ErrorBody | null)?.error;
      reject(
        error
          ? new ApiError(xhr.status, error.code, error.message, error.details ?? [], error.requestId)
          : new ApiError(xhr.status, xhr.status >= 500 ? 'internal' : 'unknown', xhr.statusText),
      );
    };
    xhr.onerror = () => reject(new TypeError('network'));
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
