import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ANNOUNCEMENT_KINDS,
  CaseAct,
  CaseDetail,
  CaseOpen,
  CaseQuery,
  IdParams,
  MonitoringCase,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { actOnCase } from './act.service.ts';
import { caseAnnouncement } from './announcement.service.ts';
import { NOTICE_LANGS } from './notice.ts';
import { caseNotice } from './notice.service.ts';
import { getCase, householdCases, listCases, openCase } from './cases.service.ts';

export async function casesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('monitoring:read');
  const write = app.authorize('monitoring:write');
  const tags = ['monitoring'];

  app.post(
    '/api/monitoring/cases',
    { schema: { tags, body: CaseOpen, response: { 201: CaseDetail } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return openCase(app.database, ctxOf(req), req.body.leadId);
    },
  );
  app.get(
    '/api/monitoring/cases',
    { schema: { tags, querystring: CaseQuery, response: { 200: pageOf(MonitoringCase) } }, preHandler: read },
    (req) => listCases(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/monitoring/cases/:id',
    { schema: { tags, params: IdParams, response: { 200: CaseDetail } }, preHandler: read },
    (req) => getCase(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/monitoring/cases/:id/actions',
    { schema: { tags, params: IdParams, body: CaseAct, response: { 200: CaseDetail } }, preHandler: write },
    (req) => actOnCase(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/monitoring/cases/:id/notice',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ lang: z.enum(NOTICE_LANGS).default('zh-CN') }),
        produces: ['text/html'],
      },
      preHandler: read,
    },
    async (req, reply) => {
      const html = await caseNotice(app.database, ctxOf(req), req.params.id, req.query.lang);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
  app.get(
    '/api/monitoring/cases/:id/announcement',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({
          kind: z.enum(ANNOUNCEMENT_KINDS).default('identification'),
          lang: z.enum(NOTICE_LANGS).default('zh-CN'),
        }),
        produces: ['text/html'],
      },
      preHandler: read,
    },
    async (req, reply) => {
      const html = await caseAnnouncement(
        app.database,
        ctxOf(req),
        req.params.id,
        req.query.kind,
        req.query.lang,
      );
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
  app.get(
    '/api/households/:id/cases',
    { schema: { tags, params: IdParams, response: { 200: z.array(MonitoringCase) } }, preHandler: read },
    (req) => householdCases(app.database, ctxOf(req), req.params.id),
  );
}
