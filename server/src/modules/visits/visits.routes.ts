import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import {
  Coverage,
  CoverageQuery,
  IdParams,
  Visit,
  VisitCreate,
  VisitPhoto,
  VisitQuery,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { PHOTO_MAX_BYTES } from './photo.ts';
import * as visits from './visits.service.ts';

const tooLarge = () => {
  const reason = `larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`;
  return new AppError('payload_too_large', `the photo is ${reason}`, [{ field: 'file', reason }]);
};

export async function visitsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  const read = app.authorize('visit:read');
  const write = app.authorize('visit:write');
  const tags = ['visits'];
  const id = (p: { id: string }) => Number(p.id);

  app.get(
    '/api/visits',
    { schema: { tags, querystring: VisitQuery, response: { 200: pageOf(Visit) } }, preHandler: read },
    (req) => visits.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/visits',
    { schema: { tags, body: VisitCreate, response: { 201: Visit } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return visits.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/visits/coverage',
    { schema: { tags, querystring: CoverageQuery, response: { 200: Coverage } }, preHandler: read },
    (req) => visits.coverage(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/visits/:id',
    { schema: { tags, params: IdParams, response: { 200: Visit } }, preHandler: read },
    (req) => visits.get(app.database, ctxOf(req), id(req.params)),
  );
  app.post(
    '/api/visits/:id/photos',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: VisitPhoto } },
      preHandler: write,
    },
    async (req, reply) => {
      const part = await req.file();
      if (!part)
        throw new AppError('validation_failed', 'attach the photo', [{ field: 'file', reason: 'required' }]);
      const content = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      });
      if (part.file.truncated) throw tooLarge();
      reply.status(201);
      return visits.addPhoto(app.database, ctxOf(req), id(req.params), content);
    },
  );
  app.get(
    '/api/visit-photos/:id',
    { schema: { tags, params: IdParams }, preHandler: read },
    async (req, reply) => {
      const found = await visits.photo(app.database, ctxOf(req), id(req.params));
      reply.header('content-type', found.contentType);
      reply.header('cache-control', 'private, max-age=86400');
      return reply.send(found.content);
    },
  );
}
