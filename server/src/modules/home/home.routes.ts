import { HomeTodo } from '@anju/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { todo } from './home.service.ts';

/** The home: the signed-in user's work for today. */
export async function homeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/home/todo',
    { schema: { tags: ['home'], response: { 200: HomeTodo } }, preHandler: app.authorize() },
    (req) => todo(app.database, ctxOf(req)),
  );
}
