import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { IdParams, IncidentAssignees, IncidentPhoto } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { readVoice } from '../../platform/files/audio.ts';
import { PHOTO_UPLOAD_LIMITS, readPhoto } from '../../platform/files/photo.ts';
import { assignees } from './assignees.ts';
import * as photos from './photos.service.ts';

/** Photos and voice messages of incidents and the dispatch choices, in a scope of their own for the multipart parser. */
export async function incidentPhotoRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: PHOTO_UPLOAD_LIMITS });
  const tags = ['incidents'];

  app.post(
    '/api/incidents/:id/photos',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: IncidentPhoto } },
      preHandler: app.authorize('incident:report'),
    },
    async (req, reply) => {
      const content = await readPhoto(req);
      reply.status(201);
      return photos.addPhoto(app.database, ctxOf(req), req.params.id, content);
    },
  );
  app.post(
    '/api/incidents/:id/voice',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: IncidentPhoto } },
      preHandler: app.authorize('incident:report'),
    },
    async (req, reply) => {
      const content = await readVoice(req);
      reply.status(201);
      return photos.addVoice(app.database, ctxOf(req), req.params.id, content);
    },
  );
  app.get(
    '/api/incident-photos/:id',
    { schema: { tags, params: IdParams }, preHandler: app.authorize('incident:report') },
    async (req, reply) => {
      const found = await photos.photo(app.database, ctxOf(req), req.params.id);
      reply.header('content-type', found.contentType);
      reply.header('cache-control', 'private, max-age=86400');
      return reply.send(found.content);
    },
  );
  app.get(
    '/api/incidents/:id/assignees',
    {
      schema: { tags, params: IdParams, response: { 200: IncidentAssignees } },
      preHandler: app.authorize('incident:handle'),
    },
    (req) => assignees(app.database, ctxOf(req), req.params.id),
  );
}
