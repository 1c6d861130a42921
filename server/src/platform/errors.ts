import type { ErrorCode, ErrorDetail } from '@anju/contracts';
import type { AuditEvent } from './audit/audit.ts';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  password_change_required: 403,
  forbidden: 403,
  account_locked: 423,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  database_unavailable: 503,
  internal: 500,
};

/**
 * An error the caller can act on: a stable code, an HTTP status, a message and per-field details.
 * `audit` is a refusal worth keeping: written once the request's transaction has rolled back.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly audit?: AuditEvent,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'not permitted') => new AppError('forbidden', message);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError('conflict', message, details);
/** A reason with its `{{name}}` placeholders filled in from params, as the human message says it. */
export const fillReason = (reason: string, params: ErrorDetail['params'] = {}) =>
  reason.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => String(params[name] ?? placeholder));

/** A field refused for a fixed reason; values go in params, named by the reason's `{{name}}` placeholders. */
export const invalid = (field: string, reason: string, params?: ErrorDetail['params']) =>
  new AppError('validation_failed', `${field}: ${fillReason(reason, params)}`, [
    params ? { field, reason, params } : { field, reason },
  ]);
