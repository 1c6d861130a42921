import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import {
  DepartmentDataFields,
  DepartmentDataResult,
  IncomesImportFields,
  IncomesImportResult,
} from '@anju/contracts';
import { ctxOf } from '../../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../../platform/files/tabular.ts';
import { importDir } from '../../registry/import/import.service.ts';
import { withForm } from '../../../platform/files/import/form.ts';
import { importDepartmentData } from './department-data.ts';
import { importIncomes } from './incomes-import.ts';
import { departmentDataTemplate, incomesTemplate } from './templates.ts';

/** Department data and incomes from Excel or CSV: templates, dry run and commit in one request each. */
export async function monitoringImportsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, {
    limits: { fileSize: app.config.importMaxBytes, files: 1, fields: 8, fieldSize: 1024, parts: 9 },
  });
  const write = app.authorize('monitoring:write');
  const tags = ['monitoring'];
  const dir = importDir(app.config.dataDir);
  const max = app.config.importMaxBytes;

  const template = (url: string, fileName: string, build: () => Promise<Buffer>) =>
    app.get(url, { schema: { tags }, preHandler: write }, async (_req, reply) => {
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.send(await build());
    });
  template(
    '/api/monitoring/department-data/template',
    'department-data-template.xlsx',
    departmentDataTemplate,
  );
  template('/api/monitoring/incomes/template', 'incomes-template.xlsx', incomesTemplate);

  app.post(
    '/api/monitoring/department-data',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: DepartmentDataResult } },
      preHandler: write,
    },
    (req) =>
      withForm(req, dir, max, DepartmentDataFields, (upload, fields) =>
        importDepartmentData(app.database, app.cipher, ctxOf(req), upload, fields),
      ),
  );
  app.post(
    '/api/monitoring/incomes/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: IncomesImportResult } },
      preHandler: write,
    },
    (req) =>
      withForm(req, dir, max, IncomesImportFields, (upload, fields) =>
        importIncomes(app.database, ctxOf(req), upload, fields),
      ),
  );
}
