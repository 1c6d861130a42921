import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FundAccount,
  FundAccountCreate,
  FundAccountQuery,
  FundBudgetSet,
  FundClose,
  FundEntry,
  FundEntryCreate,
  FundEntryDecide,
  FundEntryPage,
  FundEntryQuery,
  FundEntryReverse,
  FundExecution,
  FundExecutionQuery,
  FundMonthParams,
  FundSetup,
  FundStatement,
  IdParams,
} from '@anju/contracts';
import { z } from 'zod';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { PHOTO_UPLOAD_LIMITS, readPhoto } from '../../platform/files/photo.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import * as entries from './entries.service.ts';
import * as funds from './funds.service.ts';
import * as ledger from './ledger.service.ts';

/** Community funds: accounts, the journal with two-person approval, vouchers, month closes and budgets. */
export async function fundsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: PHOTO_UPLOAD_LIMITS });
  const read = app.authorize('fund:read');
  const write = app.authorize('fund:write');
  const decide = app.authorize(['fund:approve', 'fund:oversee']);
  const tags = ['funds'];

  app.get('/api/funds/setup', { schema: { tags, response: { 200: FundSetup } }, preHandler: read }, () =>
    funds.setup(app.database),
  );
  app.get(
    '/api/funds/accounts',
    {
      schema: { tags, querystring: FundAccountQuery, response: { 200: z.array(FundAccount) } },
      preHandler: read,
    },
    (req) => funds.listAccounts(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/funds/accounts',
    { schema: { tags, body: FundAccountCreate, response: { 201: FundAccount } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return funds.createAccount(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/funds/accounts/:id/statements/:month',
    { schema: { tags, params: FundMonthParams, response: { 200: FundStatement } }, preHandler: read },
    (req) => ledger.statement(app.database, ctxOf(req), req.params.id, req.params.month),
  );
  app.post(
    '/api/funds/accounts/:id/closes',
    {
      schema: { tags, params: IdParams, body: FundClose, response: { 201: FundStatement } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return ledger.close(app.database, ctxOf(req), req.params.id, req.body.month);
    },
  );

  app.get(
    '/api/funds/entries',
    { schema: { tags, querystring: FundEntryQuery, response: { 200: FundEntryPage } }, preHandler: read },
    (req) => entries.list(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/funds/entries/export',
    { schema: { tags, querystring: FundEntryQuery }, preHandler: read },
    async (req, reply) => {
      const stream = await ledger.exportJournal(app.database, ctxOf(req), req.query);
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="journal.xlsx"`);
      return reply.send(stream);
    },
  );
  app.post(
    '/api/funds/entries',
    { schema: { tags, body: FundEntryCreate, response: { 201: FundEntry } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return entries.record(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/funds/entries/:id',
    { schema: { tags, params: IdParams, response: { 200: FundEntry } }, preHandler: read },
    (req) => entries.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/funds/entries/:id/decisions',
    {
      schema: { tags, params: IdParams, body: FundEntryDecide, response: { 200: FundEntry } },
      preHandler: decide,
    },
    (req) => entries.decide(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/funds/entries/:id/reversal',
    {
      schema: { tags, params: IdParams, body: FundEntryReverse, response: { 201: FundEntry } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return entries.reverse(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/funds/entries/:id/vouchers',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: FundEntry } },
      preHandler: write,
    },
    async (req, reply) => {
      const content = await readPhoto(req);
      reply.status(201);
      return entries.addVoucher(app.database, ctxOf(req), req.params.id, content);
    },
  );
  app.get(
    '/api/funds/vouchers/:id',
    { schema: { tags, params: IdParams }, preHandler: read },
    async (req, reply) => {
      const found = await entries.voucher(app.database, ctxOf(req), req.params.id);
      reply.header('content-type', found.contentType);
      reply.header('cache-control', 'private, max-age=86400');
      return reply.send(found.content);
    },
  );

  app.put(
    '/api/funds/budgets',
    { schema: { tags, body: FundBudgetSet, response: { 200: FundExecution } }, preHandler: write },
    (req) => funds.setBudget(app.database, ctxOf(req), req.body),
  );
  app.get(
    '/api/funds/execution',
    { schema: { tags, querystring: FundExecutionQuery, response: { 200: FundExecution } }, preHandler: read },
    (req) => funds.execution(app.database, ctxOf(req), req.query),
  );
}
