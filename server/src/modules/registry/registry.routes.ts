import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ExportFormat,
  HistoryEntry,
  HouseholdCreate,
  HouseholdDetail,
  Household,
  HouseholdQuery,
  HouseholdUpdate,
  IdParams,
  LifeEventInput,
  Person,
  PersonQuery,
  PersonSearch,
  PersonUpdate,
  RevealRequest,
  RevealResponse,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import type { HistoryRow } from './history.repo.ts';
import * as households from './households.service.ts';
import { applyEvent } from './events.service.ts';
import { exportPersons } from './persons.export.ts';
import * as persons from './persons.service.ts';

const history = (rows: HistoryRow[]) =>
  rows.map((r) => ({
    id: String(r.id),
    event: r.event,
    personId: r.person_id === null ? null : String(r.person_id),
    version: r.version,
    changes: r.changes,
    note: r.note,
    eventDate: r.event_date,
    actorName: r.actor_name,
    at: new Date(r.at).toISOString(),
  }));

/** Searches by a whole number, per account: enough for a clerk's day, far too few to try numbers out. */
export const FIND_LIMIT = { max: 60, timeWindow: '1 hour' };

const ExportQuery = PersonQuery.omit({ page: true, pageSize: true }).extend({
  format: ExportFormat.default('xlsx'),
});

export async function registryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('person:read');
  const write = app.authorize('person:write');
  const tags = ['registry'];

  app.get(
    '/api/households',
    { schema: { tags, querystring: HouseholdQuery, response: { 200: pageOf(Household) } }, preHandler: read },
    (req) => households.list(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/households/:id',
    { schema: { tags, params: IdParams, response: { 200: HouseholdDetail } }, preHandler: read },
    (req) => households.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/households',
    { schema: { tags, body: HouseholdCreate, response: { 201: HouseholdDetail } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return households.create(app.database, app.cipher, ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/households/:id',
    {
      schema: { tags, params: IdParams, body: HouseholdUpdate, response: { 200: HouseholdDetail } },
      preHandler: write,
    },
    (req) => households.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/households/:id/events',
    {
      schema: { tags, params: IdParams, body: LifeEventInput, response: { 200: HouseholdDetail } },
      preHandler: write,
    },
    (req) => applyEvent(app.database, app.cipher, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/households/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.array(HistoryEntry) } }, preHandler: read },
    async (req) => history(await households.historyOf(app.database, ctxOf(req), req.params.id)),
  );

  app.get(
    '/api/persons',
    { schema: { tags, querystring: PersonQuery, response: { 200: pageOf(Person) } }, preHandler: read },
    (req) => persons.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/persons/search',
    {
      schema: { tags, body: PersonSearch, response: { 200: pageOf(Person) } },
      preHandler: app.authorize(['person:find_id', 'person:find_phone']),
      config: {
        rateLimit: { ...FIND_LIMIT, keyGenerator: (req) => `find:${req.actor?.userId ?? req.ip}` },
      },
    },
    (req) => persons.search(app.database, app.cipher, ctxOf(req), req.body),
  );
  app.get(
    '/api/persons/export',
    { schema: { tags, querystring: ExportQuery }, preHandler: app.authorize('person:export') },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const stream = await exportPersons(app.database, ctxOf(req), q, format);
      reply.header('content-type', CONTENT_TYPES[format]);
      reply.header(
        'content-disposition',
        `attachment; filename="persons-${new Date().toISOString().slice(0, 10)}.${format}"`,
      );
      return reply.send(stream);
    },
  );
  app.get(
    '/api/persons/:id',
    { schema: { tags, params: IdParams, response: { 200: Person } }, preHandler: read },
    (req) => persons.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/persons/:id',
    { schema: { tags, params: IdParams, body: PersonUpdate, response: { 200: Person } }, preHandler: write },
    (req) => persons.update(app.database, app.cipher, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/persons/:id/reveal',
    {
      schema: { tags, params: IdParams, body: RevealRequest, response: { 200: RevealResponse } },
      preHandler: app.authorize('person:reveal'),
    },
    (req) => persons.reveal(app.database, app.cipher, ctxOf(req), req.params.id, req.body.field),
  );
  app.get(
    '/api/persons/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.array(HistoryEntry) } }, preHandler: read },
    async (req) => history(await persons.historyOf(app.database, ctxOf(req), req.params.id)),
  );
}
