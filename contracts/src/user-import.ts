import { z } from 'zod';

/** The columns of the account import workbook, by their headers; roles and places list several, separated by 、 , ; or spaces. */
export const USER_IMPORT_COLUMNS = {
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  places: '负责地区编码',
} as const;

export const UserImportQuery = z.object({
  /** Without it the file is only checked (a dry run) and nothing is written. */
  commit: z.enum(['true', 'false']).default('false'),
});
export type UserImportQuery = z.infer<typeof UserImportQuery>;

/** One problem of one row: the row number as Excel shows it, the column and why. */
export const UserImportProblem = z.object({
  row: z.number().int(),
  column: z.enum(['username', 'displayName', 'roles', 'places', 'file']),
  reason: z.string(),
  params: z.record(z.string(), z.string()).optional(),
});
export type UserImportProblem = z.infer<typeof UserImportProblem>;

/**
 * What an import found: every bad row of the file; on a commit of a file without problems, the
 * accounts created with their one-time passwords, shown this once and changed at first sign-in.
 */
export const UserImportResult = z.object({
  committed: z.boolean(),
  rows: z.number().int(),
  problems: z.array(UserImportProblem),
  created: z.array(z.object({ username: z.string(), displayName: z.string(), password: z.string() })),
});
export type UserImportResult = z.infer<typeof UserImportResult>;
