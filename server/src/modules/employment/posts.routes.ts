import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PostAttendanceInput,
  PostAttendanceMonth,
  HolderAssign,
  HoldingEnd,
  IdParams,
  MonthQuery,
  Payroll,
  PayrollQuery,
  PostCreate,
  PostDetail,
  PostPage,
  PostQuery,
  PostTypes,
  PostUpdate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import * as payroll from './posts.payroll.ts';
import * as posts from './posts.service.ts';

/** Public-welfare posts (公益性岗位): the catalogue, holders, monthly attendance and the payroll. */
export async function postsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('employment:read');
  const write = app.authorize('employment:write');
  const tags = ['employment'];

  app.get(
    '/api/employment/posts',
    { schema: { tags, querystring: PostQuery, response: { 200: PostPage } }, preHandler: read },
    (req) => posts.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/employment/posts',
    { schema: { tags, body: PostCreate, response: { 201: PostDetail } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return posts.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/employment/posts/types',
    { schema: { tags, response: { 200: PostTypes } }, preHandler: read },
    () => posts.postTypes(app.database),
  );
  app.get(
    '/api/employment/posts/payroll',
    { schema: { tags, querystring: PayrollQuery, response: { 200: Payroll } }, preHandler: read },
    (req) => payroll.payroll(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/employment/posts/payroll.xlsx',
    { schema: { tags, querystring: PayrollQuery }, preHandler: read },
    async (req, reply) => {
      const stream = await payroll.payrollXlsx(app.database, ctxOf(req), req.query);
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="posts-payroll-${req.query.month}.xlsx"`);
      return reply.send(stream);
    },
  );
  app.get(
    '/api/employment/posts/:id',
    { schema: { tags, params: IdParams, response: { 200: PostDetail } }, preHandler: read },
    (req) => posts.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/employment/posts/:id',
    {
      schema: { tags, params: IdParams, body: PostUpdate, response: { 200: PostDetail } },
      preHandler: write,
    },
    (req) => posts.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/employment/posts/:id/holder',
    {
      schema: { tags, params: IdParams, body: HolderAssign, response: { 200: PostDetail } },
      preHandler: write,
    },
    (req) => posts.assign(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/employment/posts/:id/attendance',
    {
      schema: { tags, params: IdParams, querystring: MonthQuery, response: { 200: PostAttendanceMonth } },
      preHandler: read,
    },
    (req) => payroll.attendance(app.database, ctxOf(req), req.params.id, req.query.month),
  );
  app.post(
    '/api/employment/post-holdings/:id/end',
    {
      schema: { tags, params: IdParams, body: HoldingEnd, response: { 200: PostDetail } },
      preHandler: write,
    },
    (req) => posts.endHolding(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/employment/post-holdings/:id/attendance',
    {
      schema: { tags, params: IdParams, body: PostAttendanceInput, response: { 200: PostAttendanceMonth } },
      preHandler: write,
    },
    (req) => payroll.saveAttendance(app.database, ctxOf(req), req.params.id, req.body),
  );
}
