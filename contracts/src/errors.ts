import { z } from 'zod';

/** Stable error codes of the API; the web translates them. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
  'password_change_required',
  'forbidden',
  'not_found',
  'conflict',
  'duplicate',
  'account_locked',
  'invalid_credentials',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'database_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a field was refused: `reason` is a fixed English sentence, the key the web translates; values
 * in it are `{{name}}` placeholders filled from `params`.
 */
export const ErrorDetail = z.object({
  field: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error shape of the whole API. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(ErrorDetail),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
