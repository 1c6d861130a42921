import { z } from 'zod';
import { Id } from './common.ts';

/** The headers of the import template, in order: one row per person, `户编号` groups a household. */
export const IMPORT_HEADERS = [
  '户编号',
  '与户主关系',
  '姓名',
  '身份证号',
  '民族',
  '联系电话',
  '文化程度',
  '健康状况',
  '残疾等级',
  '劳动能力',
  '人员标签',
  '党员',
  '户籍地代码',
  '住房代码',
  '迁出村代码',
  '搬迁年份',
  '安置方式',
  '户类型',
] as const;
export type ImportHeader = (typeof IMPORT_HEADERS)[number];

/** Headers a file must have; the others may be left out. */
export const REQUIRED_IMPORT_HEADERS: readonly ImportHeader[] = [
  '户编号',
  '与户主关系',
  '姓名',
  '身份证号',
  '劳动能力',
  '户籍地代码',
  '住房代码',
  '安置方式',
  '户类型',
];

export const IMPORT_STATUSES = ['validating', 'validated', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * Why a row (or the whole file) was refused, each with the parameters its label names; the web and
 * the error report label them in the reader's language.
 */
export const IMPORT_REASON_PARAMS = {
  'file.unreadable': ['format'],
  'file.wrong_sheet': ['sheets'],
  'file.no_rows': [],
  'file.not_template': [],
  'column.missing': [],
  'cell.required': [],
  'cell.too_long': ['max'],
  'value.unknown': ['value'],
  'name.invalid': [],
  'id_number.scientific': [],
  'id_number.format': [],
  'id_number.region': [],
  'id_number.birth_date': [],
  'id_number.check_digit': [],
  'phone.invalid': [],
  'health.forbidden': [],
  'disability_grade.invalid': [],
  'tag.unknown': ['value'],
  'party_member.invalid': [],
  'relocation_year.invalid': [],
  'place.unknown': ['code'],
  'place.not_village_or_community': ['code'],
  'place.not_village': ['code'],
  'place.not_dwelling': ['code'],
  'dwelling.out_of_scope': [],
  'dwelling.outside_community': [],
  'dwelling.occupied': [],
  'dwelling.moved': ['household'],
  'dwelling.shared': ['households', 'count'],
  'duplicate.in_file': ['rows', 'count'],
  'duplicate.other_jurisdiction': [],
  'household.no_head': ['household'],
  'household.heads': ['household', 'count'],
  'household.split': ['household'],
  'household.disagree': ['household'],
  'column.ignored': ['column'],
  'sheet.ignored': ['sheet'],
} as const satisfies Record<string, readonly string[]>;
export type ImportReason = keyof typeof IMPORT_REASON_PARAMS;
export const IMPORT_REASONS = Object.keys(IMPORT_REASON_PARAMS) as ImportReason[];

/** The column of a refusal of the file as a whole. */
export const WHOLE_FILE = '文件';

export const ImportReasonParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ImportReasonParams = z.infer<typeof ImportReasonParams>;

export const ImportError = z.object({
  row: z.number().int().describe('spreadsheet row; the header is row 1'),
  column: z.string().describe('header name, or 文件 for the file as a whole'),
  reason: z.enum(IMPORT_REASONS as [ImportReason, ...ImportReason[]]),
  params: ImportReasonParams.describe('the values the reason names, e.g. {"rows": "3, 5", "count": 2}'),
});
export type ImportError = z.infer<typeof ImportError>;

/** Rows by their checks; people and households as a commit would write them (bad households left out). */
export const ImportCounts = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  skipped: z
    .number()
    .int()
    .describe('rows left out by a commit with skipBadRows: bad rows and their households'),
  newPersons: z.number().int(),
  updates: z.number().int(),
  households: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportJob = z.object({
  id: Id,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  message: z.string().nullable().describe('why the file was refused or the commit failed'),
  progress: z.object({
    rows: z.number().int(),
    total: z.number().int().optional(),
    percent: z.number().int().min(0).max(100),
  }),
  counts: ImportCounts,
  notes: z
    .array(ImportError)
    .describe('what the dry run did not read: columns not of the template, data sheets besides the one read'),
  errors: z.object({
    items: z.array(ImportError),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type ImportJobQuery = z.infer<typeof ImportJobQuery>;

export const ImportReportQuery = z.object({
  lang: z
    .enum(['zh-CN', 'en-US'])
    .optional()
    .describe('language of the report; else Accept-Language, else zh-CN'),
});
export type ImportReportQuery = z.infer<typeof ImportReportQuery>;

export const ImportCommit = z.object({
  skipBadRows: z.boolean().default(false).describe('skip bad rows and every household holding one'),
});
export type ImportCommit = z.infer<typeof ImportCommit>;
