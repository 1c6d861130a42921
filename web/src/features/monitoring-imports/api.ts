import type { DepartmentDataResult, IncomesImportResult } from '@anju/contracts';
import { apiUrl } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export type ImportKind = 'departmentData' | 'incomes';
export type ImportResult = DepartmentDataResult | IncomesImportResult;

const PATHS: Record<ImportKind, { post: string; template: string }> = {
  departmentData: {
    post: '/monitoring/department-data',
    template: '/monitoring/department-data/template',
  },
  incomes: { post: '/monitoring/incomes/import', template: '/monitoring/incomes/template' },
};

export const templateUrl = (kind: ImportKind) => apiUrl(PATHS[kind].template);

/** Sends a file with its form fields; the server answers once it has checked (or committed) every row. */
export const sendImport = (
  kind: ImportKind,
  file: File,
  fields: Record<string, string>,
  onProgress: (percent: number) => void,
) => uploadFile<ImportResult>(PATHS[kind].post, file, fields, onProgress);
