import { z } from 'zod';
import type { EmploymentKind } from './employment.ts';

/** The columns of the human-resources department's employment ledger: one row per job of a person. */
export const LEDGER_HEADERS = [
  '姓名',
  '身份证号',
  '用工单位',
  '就业类型',
  '月工资',
  '开始日期',
  '结束日期',
] as const;
export type LedgerHeader = (typeof LEDGER_HEADERS)[number];
/** The end is optional: a job still held has none. */
export const REQUIRED_LEDGER_HEADERS: readonly string[] = LEDGER_HEADERS.slice(0, 6);

/** How the ledger names each kind of employment (the codes themselves are read too). */
export const LEDGER_KIND_LABELS: Record<EmploymentKind, string[]> = {
  local_enterprise: ['本地企业', '企业就业', '园区企业'],
  workshop: ['帮扶车间', '就业帮扶车间'],
  public_welfare_post: ['公益性岗位', '公益岗'],
  export_in_province: ['省内务工', '省内转移就业'],
  export_out_of_province: ['省外务工', '省外转移就业'],
  self_employed: ['自主创业', '个体经营'],
  flexible: ['灵活就业'],
};

/** Why a ledger row (or the whole file) was refused; the web labels each in the reader's language. */
export const LEDGER_REASONS = [
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
  'person.origin_side',
  'name.mismatch',
  'kind.unknown',
  'amount.invalid',
  'wage.negative',
  'date.invalid',
  'end.before_start',
  'duplicate.in_file',
] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

export const LedgerError = z.object({
  row: z.number().int().describe('spreadsheet row; the header is row 1'),
  column: z.string().describe('header name, or 文件 for the file as a whole'),
  reason: z.enum(LEDGER_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type LedgerError = z.infer<typeof LedgerError>;

/** Multipart fields are text: "true" or "false". */
export const LedgerFields = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('check only, write nothing (the default); a commit writes every row or none'),
});
export type LedgerFields = z.infer<typeof LedgerFields>;

export const LedgerResult = z.object({
  committed: z.boolean().describe('false for a dry run'),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  persons: z.number().int().describe('people the good rows name'),
  created: z.number().int().describe('records new (or, in a dry run, that would be)'),
  updated: z.number().int().describe('records of the same person, employer and start, changed and verified'),
  ended: z.number().int().describe('records that end by this file'),
  errors: z.array(LedgerError).describe('the first 1,000 errors, by row'),
  errorTotal: z.number().int(),
  flagged: z.number().int().describe('zero-employment households flagged by the commit'),
  cleared: z.number().int().describe('zero-employment households cleared by the commit'),
  leads: z.number().int().describe('monitoring leads raised for households that lost their last job'),
});
export type LedgerResult = z.infer<typeof LedgerResult>;
