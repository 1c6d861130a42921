import path from 'node:path';
import type { ImportJob } from '@anju/contracts';
import type { Ctx } from '../../../platform/auth/actor.ts';
import { commitImport, getImport, startImport, type ImportDeps } from './import.service.ts';
import { formatOf, readHead } from '../../../platform/files/upload.ts';

/**
 * Imports a file from disk through the same steps as an upload: dry run, then on request the
 * commit. Used by `anju import` and the import benchmark; the file itself is left in place.
 */
export async function importFile(
  deps: ImportDeps,
  ctx: Ctx,
  file: string,
  opts: { commit: boolean; skipBadRows: boolean; errors?: number },
): Promise<ImportJob> {
  const fileName = path.basename(file);
  const format = formatOf(readHead(file), fileName);
  const id = await startImport(deps, ctx, { path: path.resolve(file), fileName, format, keep: true });
  const page = { page: 1, pageSize: opts.errors ?? 100 };
  const validated = await getImport(deps, ctx, id, page);
  if (!opts.commit || validated.status !== 'validated') return validated;
  if (validated.counts.invalid > 0 && !opts.skipBadRows) return validated;
  await commitImport({ ...deps, jobs: undefined }, ctx, id, opts.skipBadRows);
  return getImport(deps, ctx, id, page);
}
