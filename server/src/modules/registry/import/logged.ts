import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../../platform/errors.ts';

/** What a registry import job carries to name itself in the log: the import and the request that started it. */
export interface ImportJobData {
  importId: number;
  requestId?: string;
}

/**
 * Runs an import job, logging a bug (anything but an AppError, which is a verdict on the file) with
 * the import and the request that started it, so that it is not only kept in the job table.
 */
export async function logged(
  log: FastifyBaseLogger,
  what: string,
  data: ImportJobData,
  run: () => Promise<unknown>,
) {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AppError))
      log.error({ err, importId: data.importId, reqId: data.requestId }, `registry import ${what} failed`);
    throw err;
  }
}
