import type { ErrorBody, ErrorDetail } from '@anju/contracts';

/** An API failure in the one error shape; `code` is translated with `errors.<code>`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** Answers that concern the session rather than the request: it is gone, or must change its password first. */
export type SessionEvent = 'unauthenticated' | 'session_expired' | 'password_change_required';
const SESSION_EVENTS = new Set<string>([
  'unauthenticated',
  'session_expired',
  'password_change_required',
] satisfies SessionEvent[]);

let csrfToken: string | undefined;
let onSessionEvent: (code: SessionEvent) => void = () => {};

/** The CSRF token of the signed-in session, sent on every state-changing request. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Called when the server says the session is gone or must change its password, so the app can go there. */
export function setSessionHandler(handler: (code: SessionEvent) => void) {
  onSessionEvent = handler;
}

/** The CSRF header for state-changing requests sent other than through `api` (uploads). */
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function toError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  if (!body?.error)
    return new ApiError(res.status, res.status >= 500 ? 'internal' : 'unknown', res.statusText);
  const { code, message, details, requestId } = body.error;
  return new ApiError(res.status, code, message, details ?? [], requestId);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
}

/** Builds `/api/...?a=b`, leaving out empty query values. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the API with the session cookie and CSRF header; throws ApiError on any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!res.ok) {
    const error = await toError(res);
    if (SESSION_EVENTS.has(error.code)) onSessionEvent(error.code as SessionEvent);
    throw error;
  }
  return (await res.json()) as T;
}
