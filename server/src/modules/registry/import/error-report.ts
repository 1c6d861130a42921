import type { ImportError } from '@anju/contracts';
import type { Ctx } from '../../../platform/auth/actor.ts';
import { xlsxStream, type Column } from '../../../platform/files/tabular.ts';
import { getImport, type ImportDeps } from './import.service.ts';
import { errorBatches } from './import.repo.ts';

const COLUMNS: Column<ImportError>[] = [
  { header: '行号', value: (e) => e.row, width: 8 },
  { header: '列', value: (e) => e.column, width: 14 },
  { header: '问题', value: (e) => e.reason, width: 80 },
];

/** Every error of an import as a workbook, streamed; only the import's creator gets it. */
export async function errorReport(deps: ImportDeps, ctx: Ctx, id: number) {
  await getImport(deps, ctx, id, { page: 1, pageSize: 1 });
  return xlsxStream('错误', COLUMNS, errorBatches(deps.database, id));
}
