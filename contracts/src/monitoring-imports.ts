import { z } from 'zod';
import { Id } from './common.ts';

/** The columns of a department's data file: one row per matter of a person (a large medical bill, …). */
export const DEPARTMENT_DATA_HEADERS = ['身份证号', '姓名', '事项', '金额', '日期', '备注'] as const;
export const REQUIRED_DEPARTMENT_DATA_HEADERS: readonly string[] = DEPARTMENT_DATA_HEADERS.slice(0, 5);

/** The columns of an incomes file: one row per household and period. */
export const INCOME_IMPORT_HEADERS = [
  '户编号',
  '年度',
  '期别',
  '工资性收入',
  '经营净收入',
  '财产性收入',
  '转移性收入',
  '生产经营支出',
  '医疗自付',
  '教育支出',
] as const;
/** Every column must be there (a missing amount column would read as zeros); blank cells are 0. */
export const REQUIRED_INCOME_IMPORT_HEADERS: readonly string[] = INCOME_IMPORT_HEADERS;

/** The departments whose data is compared (部门数据比对). */
export const DEPARTMENT_KINDS = [
  'medical_insurance',
  'civil_affairs',
  'education',
  'human_resources',
  'emergency_management',
  'disabled_persons',
  'housing',
  'water',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Why a row (or the whole file) was refused; the web labels each in the reader's language with its params. */
export const MONITORING_IMPORT_REASONS = [
  'file.unreadable',
  'file.no_rows',
  'file.not_template',
  'column.missing',
  'cell.required',
  'cell.too_long',
  'id_number.scientific',
  'id_number.format',
  'id_number.region',
  'id_number.birth_date',
  'id_number.check_digit',
  'person.not_found',
  'name.mismatch',
  'amount.invalid',
  'date.invalid',
  'year.invalid',
  'period.unknown',
  'household.not_found',
  'household.origin_side',
  'duplicate.in_file',
] as const;
export type MonitoringImportReason = (typeof MONITORING_IMPORT_REASONS)[number];

/** The column of a refusal of the file as a whole. */
export const WHOLE_FILE_COLUMN = '文件';

export const MonitoringImportError = z.object({
  row: z.number().int().describe('spreadsheet row; the header is row 1'),
  column: z.string().describe('header name, or 文件 for the file as a whole'),
  reason: z.enum(MONITORING_IMPORT_REASONS),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe('values the reason names: {"rows": "3"} for a duplicate, {"max": 64} for a long cell'),
});
export type MonitoringImportError = z.infer<typeof MonitoringImportError>;

/** Multipart fields are text: "true" or "false". */
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');

export const IncomesImportFields = z.object({
  dryRun: flag('true').describe('check only, write nothing (the default)'),
  skipBad: flag('false').describe('commit the good rows and leave the bad ones out'),
});
export type IncomesImportFields = z.infer<typeof IncomesImportFields>;

export const DepartmentDataFields = IncomesImportFields.extend({
  department: z.string().trim().min(1).max(64).describe('the department that sent the data, e.g. 县医保局'),
  kind: z.enum(DEPARTMENT_KINDS),
});
export type DepartmentDataFields = z.infer<typeof DepartmentDataFields>;

/** A lead the import raised or added to. */
export const ImportedLead = z.object({
  id: Id,
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
});
export type ImportedLead = z.infer<typeof ImportedLead>;

const ImportOutcome = z.object({
  committed: z.boolean().describe('false for a dry run'),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Households the good rows name. */
  households: z.number().int(),
  errors: z.array(MonitoringImportError).describe('the first 1,000 errors, by row'),
  errorTotal: z.number().int(),
  leads: z.array(ImportedLead).describe('the first 200 leads raised or added to, newest last'),
  newLeads: z.number().int(),
});

export const DepartmentDataResult = ImportOutcome.extend({
  /** Open leads the rows were added to as notes. */
  joinedLeads: z.number().int(),
});
export type DepartmentDataResult = z.infer<typeof DepartmentDataResult>;

export const IncomesImportResult = ImportOutcome.extend({
  created: z.number().int().describe('income records new (or, in a dry run, that would be)'),
  updated: z.number().int().describe('existing records replaced, each with its version bumped'),
  screened: z.number().int().describe('households re-screened for their year'),
});
export type IncomesImportResult = z.infer<typeof IncomesImportResult>;
