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

/** Files of a saved record that did not all arrive: the record is in, these are still to send. */
export class FilesNotSent extends Error {
  constructor(
    readonly recordId: string,
    readonly left: File[],
  ) {
    super('files not sent');
  }
}

/**
 * Sends the files of record `recordId` one after another through `send`, telling how much of all of
 * them has gone; on a failure throws `FilesNotSent` with the files still to send.
 */
export async function sendEach(
  recordId: string,
  files: File[],
  send: (file: File, onProgress: (percent: number) => void) => Promise<unknown>,
  onProgress: (percent: number) => void = () => {},
) {
  for (const [i, file] of files.entries()) {
    try {
      await send(file, (p) => onProgress(Math.round(((i + p / 100) / files.length) * 100)));
    } catch {
      throw new FilesNotSent(recordId, files.slice(i));
    }
  }
}
