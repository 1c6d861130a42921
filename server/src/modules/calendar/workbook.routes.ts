import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { CalendarExportQuery, CalendarImportQuery, CalendarImportResult } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import { receive } from '../../platform/files/upload.ts';
import { calendarWorkbook, importCalendar } from './workbook.service.ts';

/** A year's holidays are a few dozen rows. */
const MAX_BYTES = 1024 * 1024;

/**
 * The holiday calendar as Excel, for those who keep it: the calendar in force read out as a workbook,
 * and a county's own checked from one (a dry run) and committed whole.
 */
export async function calendarWorkbookRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  app.get(
    '/api/calendar/export',
    { schema: { tags, querystring: CalendarExportQuery }, preHandler: app.authorize('calendar:write') },
    async (req, reply) => {
      const { year, placeId } = req.query;
      const stream = await calendarWorkbook(app.database, ctxOf(req), year, placeId);
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="calendar-${year}.xlsx"`);
      return reply.send(stream);
    },
  );
  app.post(
    '/api/calendar/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: CalendarImportQuery,
        response: { 200: CalendarImportResult },
      },
      preHandler: app.authorize('calendar:write'),
    },
    async (req) => {
      const { commit, ...target } = req.query;
      const upload = await receive(await req.file(), path.join(app.config.dataDir, 'uploads'), MAX_BYTES);
      try {
        return await importCalendar(app.database, ctxOf(req), target, upload, commit === 'true');
      } finally {
        fs.rmSync(upload.path, { force: true });
      }
    },
  );
}
