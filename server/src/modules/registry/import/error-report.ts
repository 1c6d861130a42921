import type { ImportError } from '@anju/contracts';
import type { Ctx } from '../../../platform/auth/actor.ts';
import { xlsxStream, type Column } from '../../../platform/files/tabular.ts';
import { getImport, type ImportDeps } from './import.service.ts';
import { errorBatches } from './import.repo.ts';
import { reportLabels, type ReportLanguage } from './reasons.ts';

/** Every error of an import as a workbook in the reader's language, streamed; only the import's creator gets it. */
export async function errorReport(deps: ImportDeps, ctx: Ctx, id: number, language: ReportLanguage) {
  await getImport(deps, ctx, id, { page: 1, pageSize: 1 });
  const l = reportLabels(language);
  const columns: Column<ImportError>[] = [
    { header: l.header.row, value: (e) => e.row, width: 8 },
    { header: l.header.column, value: (e) => l.column(e.column), width: 14 },
    { header: l.header.reason, value: (e) => l.reason(e.reason, e.params), width: 80 },
  ];
  return xlsxStream(language === 'zh-CN' ? '错误' : 'Errors', columns, errorBatches(deps.database, id));
}
