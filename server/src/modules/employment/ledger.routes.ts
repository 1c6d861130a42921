import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { LedgerFields, LedgerResult } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { withForm } from '../../platform/files/import/form.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import { importDir } from '../registry/import/import.service.ts';
import { importLedger } from './ledger.service.ts';
import { ledgerTemplate } from './ledger.template.ts';

/** The human-resources department's employment ledger from Excel or CSV: its template, and dry run or commit in one request. */
export async function ledgerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, {
    limits: { fileSize: app.config.importMaxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });
  const write = app.authorize('employment:write');
  const tags = ['employment'];

  app.get('/api/employment/ledger/template', { schema: { tags }, preHandler: write }, async (_req, reply) => {
    reply.header('content-type', CONTENT_TYPES.xlsx);
    reply.header('content-disposition', 'attachment; filename="employment-ledger-template.xlsx"');
    return reply.send(await ledgerTemplate());
  });
  app.post(
    '/api/employment/ledger',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: LedgerResult } },
      preHandler: write,
    },
    (req) =>
      withForm(
        req,
        importDir(app.config.dataDir),
        app.config.importMaxBytes,
        LedgerFields,
        (upload, fields) => importLedger(app.database, app.cipher, ctxOf(req), upload, fields),
      ),
  );
}
