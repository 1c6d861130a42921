import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Grid,
  GridBoundaryUpdate,
  GridCreate,
  GridBuilding,
  GridList,
  GridMap,
  GridWorkerRef,
  GridWorkersUpdate,
  IdParams,
  Regrid,
  RegridResult,
  SiteMap,
  SiteMapQuery,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as grids from './grids.service.ts';
import { buildings, gridMap } from './map.service.ts';
import { regrid } from './regrid.service.ts';
import { siteMap } from './site-map.service.ts';

export async function gridsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('grid:read');
  const write = app.authorize('grid:write');
  const tags = ['grids'];

  app.get(
    '/api/communities/:id/grids',
    { schema: { tags, params: IdParams, response: { 200: GridList } }, preHandler: read },
    (req) => grids.list(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/communities/:id/grid-map',
    { schema: { tags, params: IdParams, response: { 200: GridMap } }, preHandler: read },
    (req) => gridMap(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/site-map',
    {
      schema: { tags, querystring: SiteMapQuery, response: { 200: SiteMap } },
      preHandler: app.authorize(['grid:read', 'incident:report']),
    },
    (req) => siteMap(app.database, ctxOf(req), req.query.place, app.config.mapTiles),
  );
  app.post(
    '/api/communities/:id/grids',
    { schema: { tags, params: IdParams, body: GridCreate, response: { 201: Grid } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return grids.create(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/communities/:id/grid-workers',
    { schema: { tags, params: IdParams, response: { 200: z.array(GridWorkerRef) } }, preHandler: write },
    (req) => grids.candidates(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/grids/:id',
    { schema: { tags, params: IdParams, response: { 200: Grid } }, preHandler: read },
    (req) => grids.get(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/grids/:id/buildings',
    { schema: { tags, params: IdParams, response: { 200: z.array(GridBuilding) } }, preHandler: read },
    (req) => buildings(app.database, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/grids/:id/boundary',
    {
      schema: { tags, params: IdParams, body: GridBoundaryUpdate, response: { 200: Grid } },
      preHandler: write,
    },
    (req) => grids.setBoundary(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/grids/:id/workers',
    {
      schema: { tags, params: IdParams, body: GridWorkersUpdate, response: { 200: Grid } },
      preHandler: write,
    },
    (req) => grids.setWorkers(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/grids/:id/regrid',
    { schema: { tags, params: IdParams, body: Regrid, response: { 200: RegridResult } }, preHandler: write },
    (req) => regrid(app.database, ctxOf(req), req.params.id, req.body),
  );
}
