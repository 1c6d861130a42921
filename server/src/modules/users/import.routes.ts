import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { UserImportQuery, UserImportResult } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { receive } from '../../platform/files/upload.ts';
import { importAccounts } from './import.service.ts';

/** A workbook of a few thousand accounts is far below this. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Accounts from Excel: the security administrator, who grants roles and places, checks a workbook
 * (a dry run) and commits it.
 */
export async function userImportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  app.post(
    '/api/users/import',
    {
      schema: {
        tags: ['users'],
        consumes: ['multipart/form-data'],
        querystring: UserImportQuery,
        response: { 200: UserImportResult },
      },
      preHandler: app.authorize('user:grant'),
    },
    async (req) => {
      const upload = await receive(await req.file(), path.join(app.config.dataDir, 'uploads'), MAX_BYTES);
      try {
        return await importAccounts(app.database, ctxOf(req), upload, req.query.commit === 'true');
      } finally {
        fs.rmSync(upload.path, { force: true });
      }
    },
  );
}
