import fs from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { z } from 'zod';
import {
  DepartmentDataFields,
  DepartmentDataResult,
  IncomesImportFields,
  IncomesImportResult,
} from '@anju/contracts';
import { ctxOf } from '../../../platform/auth/auth.plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { CONTENT_TYPES } from '../../../platform/files/tabular.ts';
import { importDir } from '../../registry/import/import.service.ts';
import { receive } from '../../../platform/files/upload.ts';
import { importDepartmentData } from './department-data.ts';
import { importIncomes } from './incomes-import.ts';
import type { Upload } from './outcome.ts';
import { departmentDataTemplate, incomesTemplate } from './templates.ts';

/**
 * Reads a multipart form: the file goes to disk as it arrives, the text fields are checked with
 * `schema` (fields may come before or after the file). The caller removes the file.
 */
async function form<S extends z.ZodType>(req: FastifyRequest, dir: string, maxBytes: number, schema: S) {
  const fields: Record<string, unknown> = {};
  let upload: Upload | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') upload = await receive(part as MultipartFile, dir, maxBytes);
      else fields[part.fieldname] = part.value;
    }
    if (!upload) await receive(undefined, dir, maxBytes);
    const parsed = schema.safeParse(fields);
    if (!parsed.success)
      throw new AppError(
        'validation_failed',
        'the form fields are not valid',
        parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
      );
    return { upload: upload!, fields: parsed.data as z.output<S> };
  } catch (err) {
    if (upload) fs.rmSync(upload.path, { force: true });
    throw err;
  }
}

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
    async (req) => {
      const { upload, fields } = await form(req, dir, max, DepartmentDataFields);
      try {
        return await importDepartmentData(app.database, app.cipher, ctxOf(req), upload, fields);
      } finally {
        fs.rmSync(upload.path, { force: true });
      }
    },
  );
  app.post(
    '/api/monitoring/incomes/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: IncomesImportResult } },
      preHandler: write,
    },
    async (req) => {
      const { upload, fields } = await form(req, dir, max, IncomesImportFields);
      try {
        return await importIncomes(app.database, ctxOf(req), upload, fields);
      } finally {
        fs.rmSync(upload.path, { force: true });
      }
    },
  );
}
