import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Declaration,
  IdParams,
  Income,
  IncomeAssessed,
  IncomeInput,
  Lead,
  LeadCreate,
  RuleQuery,
  LeadQuery,
  MonitoringLine,
  MonitoringLineInput,
  pageOf,
  RuleSet,
  RuleSetInput,
  SCREENING_RULES,
  ScreeningResult,
  ScreeningRun,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { listIncomes, saveIncome } from './incomes.service.ts';
import { createLead, declare, listLeads } from './leads.service.ts';
import { listLines, setLine } from './lines.service.ts';
import { ruleHistory, rulesFor, saveRules } from './rules.service.ts';
import { runScreening } from './screening.service.ts';

export async function monitoringRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('monitoring:read');
  const write = app.authorize('monitoring:write');
  const policy = app.authorize('monitoring:policy');
  const tags = ['monitoring'];

  app.get(
    '/api/households/:id/incomes',
    { schema: { tags, params: IdParams, response: { 200: z.array(IncomeAssessed) } }, preHandler: read },
    (req) => listIncomes(app.database, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/households/:id/incomes',
    {
      schema: {
        tags,
        params: IdParams,
        body: IncomeInput,
        response: { 200: z.object({ income: Income, flags: z.array(z.enum(SCREENING_RULES)) }) },
      },
      preHandler: write,
    },
    (req) => saveIncome(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/monitoring/lines',
    {
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().min(2015).max(2100).optional() }),
        response: { 200: z.array(MonitoringLine) },
      },
      preHandler: read,
    },
    (req) => listLines(app.database, ctxOf(req), req.query.year),
  );
  app.put(
    '/api/monitoring/lines',
    { schema: { tags, body: MonitoringLineInput, response: { 200: MonitoringLine } }, preHandler: policy },
    (req) => setLine(app.database, ctxOf(req), req.body),
  );
  app.get(
    '/api/monitoring/rules',
    { schema: { tags, querystring: RuleQuery, response: { 200: RuleSet } }, preHandler: read },
    (req) => rulesFor(app.database, ctxOf(req), req.query.placeId),
  );
  app.get(
    '/api/monitoring/rules/history',
    { schema: { tags, querystring: RuleQuery, response: { 200: z.array(RuleSet) } }, preHandler: read },
    (req) => ruleHistory(app.database, ctxOf(req), req.query.placeId),
  );
  app.put(
    '/api/monitoring/rules',
    { schema: { tags, body: RuleSetInput, response: { 200: RuleSet } }, preHandler: policy },
    (req) => saveRules(app.database, ctxOf(req), req.body),
  );
  app.post(
    '/api/monitoring/screenings',
    { schema: { tags, body: ScreeningRun, response: { 200: ScreeningResult } }, preHandler: write },
    (req) => runScreening(app.database, ctxOf(req), req.body),
  );
  app.post(
    '/api/monitoring/leads',
    { schema: { tags, body: LeadCreate, response: { 201: Lead } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return createLead(app.database, ctxOf(req), req.body);
    },
  );
  app.post(
    '/api/monitoring/declarations',
    {
      schema: { tags, body: Declaration, response: { 201: Lead } },
      preHandler: app.authorize('monitoring:declare'),
    },
    async (req, reply) => {
      reply.status(201);
      return declare(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/monitoring/leads',
    { schema: { tags, querystring: LeadQuery, response: { 200: pageOf(Lead) } }, preHandler: read },
    (req) => listLeads(app.database, ctxOf(req), req.query),
  );
}
