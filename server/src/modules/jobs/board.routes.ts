import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Application,
  Apply,
  BoardQuery,
  JobConsent,
  Decide,
  IdParams,
  JobBoard,
  ShowPhone,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as board from './board.service.ts';

/** A resident's job board: open jobs near the dwelling, applying, and the household's applications. */
export async function jobBoardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const resident = app.authorize('job:apply');
  const tags = ['jobs'];
  const cipher = app.cipher;

  app.get(
    '/api/job-board',
    { schema: { tags, querystring: BoardQuery, response: { 200: JobBoard } }, preHandler: resident },
    (req) => board.board(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/job-board/applications',
    { schema: { tags, response: { 200: z.array(Application) } }, preHandler: resident },
    (req) => board.mine(app.database, cipher, ctxOf(req)),
  );
  app.post(
    '/api/job-board/applications',
    { schema: { tags, body: Apply, response: { 201: Application } }, preHandler: resident },
    async (req, reply) => {
      reply.status(201);
      return board.apply(app.database, cipher, ctxOf(req), req.body);
    },
  );
  app.post(
    '/api/job-board/applications/:id/consent',
    {
      schema: { tags, params: IdParams, body: JobConsent, response: { 200: Application } },
      preHandler: resident,
    },
    (req) => board.respond(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/job-board/applications/:id/withdraw',
    {
      schema: { tags, params: IdParams, body: Decide, response: { 200: Application } },
      preHandler: resident,
    },
    (req) => board.withdraw(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/job-board/applications/:id/phone',
    {
      schema: { tags, params: IdParams, body: ShowPhone, response: { 200: Application } },
      preHandler: resident,
    },
    (req) => board.showPhone(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
}
