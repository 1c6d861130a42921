import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorDetail } from '@anju/contracts';
import { isDatabaseUnreachable } from '../../db/client.ts';
import { audit } from '../audit/audit.ts';
import { ctxOf } from '../auth/auth.plugin.ts';
import { AppError } from '../errors.ts';

/** What a 503 asks clients to wait: a restart or failover usually takes seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** SQLSTATE of a database error, whether drizzle wrapped it or not. */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.cause?.code === 'string' ? e.cause.code : e.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * How a detail names a field: a body field bare (`wage`, `members.1.idNumber`), the body as a whole
 * `body`, anything else under its part (`querystring.page`, `params.id`, `headers.content-type`).
 */
export function fieldName(part: string, path: readonly (string | number)[]): string {
  if (part === 'body') return path.length ? path.join('.') : 'body';
  return [part, ...path].join('.');
}

/** Path of the first key or string in `value` holding U+0000, which no PostgreSQL text can store. */
function nulPath(value: unknown, at: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const path = k.includes('\u0000') ? at : nulPath(v, [...at, k]);
    if (path) return path;
  }
  return undefined;
}

/** SQLSTATE 22021 / 22P05: the database refused a character the caller sent; name the field when we can find it. */
function refusedCharacter(err: unknown, req: FastifyRequest): ErrorDetail | undefined {
  const state = sqlState(err);
  if (state !== '22021' && state !== '22P05') return undefined;
  const parts = [
    ['params', req.params],
    ['querystring', req.query],
    ['body', req.body],
  ] as const;
  for (const [part, value] of parts) {
    const path = nulPath(value);
    if (path) return { field: fieldName(part, path), reason: 'must not contain the NUL character' };
  }
  return undefined;
}

/** What busboy and the streams say of a multipart body they cannot read: no or a bad boundary, a part cut short. */
const BROKEN_MULTIPART =
  /^(Multipart: Boundary not found|Boundary required|The needle cannot|Unexpected end of multipart data|.* terminated early|Premature close)/;

/** A multipart body that cannot be read is the client's to fix. */
const brokenMultipart = (err: FastifyError, req: FastifyRequest) =>
  /^multipart\//i.test(String(req.headers['content-type'] ?? '')) &&
  (err.code === 'ERR_STREAM_PREMATURE_CLOSE' || BROKEN_MULTIPART.test(err.message));

function body(code: ErrorCode | string, message: string, details: ErrorDetail[], requestId: string) {
  return { error: { code, message, details, requestId } };
}

/**
 * Every failure leaves the API in the one error shape; a 500 is logged as the bug it is.
 * Fields are named by `fieldName`: body fields bare (`wage`), query and path ones prefixed (`querystring.page`, `params.id`).
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.audit && req.actor)
        await audit(app.database.db, ctxOf(req), err.audit).catch((e: unknown) =>
          req.log.error({ err: e }, 'a refusal could not be audited'),
        );
      return reply.status(err.status).send(body(err.code, err.message, err.details, req.id));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => {
        const path = String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean);
        return { field: fieldName(where, path), reason: v.message ?? 'invalid' };
      });
      return reply
        .status(400)
        .send(
          body(
            'validation_failed',
            details.map((d) => `${d.field}: ${d.reason}`).join('; '),
            details,
            req.id,
          ),
        );
    }
    const refused = refusedCharacter(err, req);
    if (refused)
      return reply
        .status(400)
        .send(body('validation_failed', `${refused.field}: ${refused.reason}`, [refused], req.id));
    if (isDatabaseUnreachable(err)) {
      req.log.warn({ err }, 'database unreachable');
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send(body('database_unavailable', 'the database is not answering; try again shortly', [], req.id));
    }
    if (brokenMultipart(err, req)) {
      const details = [{ field: 'body', reason: 'the multipart form is incomplete or malformed' }];
      return reply.status(400).send(body('validation_failed', details[0].reason, details, req.id));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(body('rate_limited', 'too many requests', [], req.id));
    if (status === 413)
      return reply
        .status(413)
        .send(body('payload_too_large', err.message, [{ field: 'body', reason: err.message }], req.id));
    if (status === 415) {
      const details = [{ field: 'headers.content-type', reason: 'send application/json' }];
      return reply.status(415).send(body('unsupported_media_type', err.message, details, req.id));
    }
    if (status >= 400 && status < 500) {
      const details = [{ field: 'body', reason: err.message }];
      return reply.status(400).send(body('validation_failed', err.message, details, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', 'internal error', [], req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body('not_found', `no route ${req.method} ${req.url.split('?')[0]}`, [], req.id));
  });
}
