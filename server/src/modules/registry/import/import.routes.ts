import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { IdParams, ImportCommit, ImportJob, ImportJobQuery, ImportReportQuery } from '@anju/contracts';
import { ctxOf } from '../../../platform/auth/auth.plugin.ts';
import { logged, type ImportJobData } from './logged.ts';
import { CONTENT_TYPES } from '../../../platform/files/tabular.ts';
import { errorReport } from './error-report.ts';
import {
  COMMIT_JOB,
  commitImport,
  getImport,
  importDir,
  runCommit,
  runValidation,
  startImport,
  VALIDATE_JOB,
  type ImportDeps,
} from './import.service.ts';
import { reportLanguage } from './reasons.ts';
import { recoverImports } from './recover.ts';
import { importTemplate } from './template.ts';
import { receive } from '../../../platform/files/upload.ts';

/** Excel and CSV import of households and people: template, upload with dry run, report, commit. */
export async function registryImportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = (): ImportDeps => ({
    database: app.database,
    cipher: app.cipher,
    dataDir: app.config.dataDir,
    jobs: app.jobs,
  });
  await app.register(multipart, {
    limits: { fileSize: app.config.importMaxBytes, files: 1, fields: 0, parts: 1 },
  });
  // an embedded database has one process, this one: whatever was running when it stopped is gone
  await recoverImports(app.database, app.config.dataDir, {
    graceSeconds: app.database.kind === 'pglite' ? 0 : undefined,
  });
  if (app.jobs) {
    const { boss } = app.jobs;
    await boss.createQueue(VALIDATE_JOB);
    await boss.createQueue(COMMIT_JOB);
    await boss.work<ImportJobData>(VALIDATE_JOB, async ([job]) => {
      await logged(app.log, 'dry run', job.data, () => runValidation(deps(), job.data.importId));
    });
    await boss.work<{ importId: number; ip: string; requestId: string }>(COMMIT_JOB, async ([job]) => {
      await logged(app.log, 'commit', job.data, () => runCommit(deps(), job.data));
    });
  }
  const allowed = app.authorize('person:import');
  const tags = ['registry'];
  const page = { page: 1, pageSize: 100 };

  app.get('/api/registry/import-template', { schema: { tags }, preHandler: allowed }, async (_req, reply) => {
    reply.header('content-type', CONTENT_TYPES.xlsx);
    reply.header('content-disposition', `attachment; filename="registry-import-template.xlsx"`);
    return reply.send(await importTemplate(app.database));
  });
  app.post(
    '/api/registry/imports',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 202: ImportJob } },
      preHandler: allowed,
    },
    async (req, reply) => {
      const upload = await receive(
        await req.file(),
        importDir(app.config.dataDir),
        app.config.importMaxBytes,
      );
      const id = await startImport(deps(), ctxOf(req), upload);
      reply.status(202);
      return getImport(deps(), ctxOf(req), id, page);
    },
  );
  app.get(
    '/api/registry/imports/:id',
    {
      schema: { tags, params: IdParams, querystring: ImportJobQuery, response: { 200: ImportJob } },
      preHandler: allowed,
    },
    (req) => getImport(deps(), ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/registry/imports/:id/errors.xlsx',
    { schema: { tags, params: IdParams, querystring: ImportReportQuery }, preHandler: allowed },
    async (req, reply) => {
      const language = reportLanguage(req.query.lang, req.headers['accept-language']);
      const stream = await errorReport(deps(), ctxOf(req), req.params.id, language);
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="import-${req.params.id}-errors.xlsx"`);
      return reply.send(stream);
    },
  );
  app.post(
    '/api/registry/imports/:id/commit',
    {
      schema: { tags, params: IdParams, body: ImportCommit, response: { 202: ImportJob } },
      preHandler: allowed,
    },
    async (req, reply) => {
      const id = req.params.id;
      await commitImport(deps(), ctxOf(req), id, req.body.skipBadRows);
      reply.status(202);
      return getImport(deps(), ctxOf(req), id, page);
    },
  );
}
