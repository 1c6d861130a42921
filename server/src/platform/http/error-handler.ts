import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorDetail } from '@anju/contracts';
import { AppError } from '../errors.ts';

function body(code: ErrorCode | string, message: string, details: ErrorDetail[], requestId: string) {
  return { error: { code, message, details, requestId } };
}

/** Every failure leaves the API in the one error shape; a 500 is logged as the bug it is. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.details, req.id));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => {
        const field = [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.');
        return { field, reason: v.message ?? 'invalid' };
      });
      return reply
        .status(400)
        .send(body('validation_failed', details.map((d) => `${d.field}: ${d.reason}`).join('; '), details, req.id));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(body('rate_limited', 'too many requests', [], req.id));
    if (status === 413) return reply.status(413).send(body('payload_too_large', err.message, [], req.id));
    if (status === 415) return reply.status(415).send(body('unsupported_media_type', err.message, [], req.id));
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
