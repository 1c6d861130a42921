import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarQuery, HolidayCalendar, HolidayCalendarInput } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { calendarFor, saveCalendar } from './calendar.service.ts';

export async function calendarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  app.get(
    '/api/calendar',
    {
      schema: { tags, querystring: CalendarQuery, response: { 200: HolidayCalendar } },
      preHandler: app.authorize('place:read'),
    },
    (req) => calendarFor(app.database, ctxOf(req), req.query.year, req.query.placeId),
  );
  app.put(
    '/api/calendar',
    {
      schema: { tags, body: HolidayCalendarInput, response: { 200: HolidayCalendar } },
      preHandler: app.authorize('calendar:write'),
    },
    (req) => saveCalendar(app.database, ctxOf(req), req.body),
  );
}
