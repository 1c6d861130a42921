import { sql } from 'drizzle-orm';
import type { ImportCounts, ImportError, ImportStatus } from '@anju/contracts';
import type { Conn, Database, Tx } from '../../../db/client.ts';

export interface ImportRow {
  id: number;
  user_id: number;
  file_name: string;
  format: 'xlsx' | 'csv';
  status: ImportStatus;
  rows: number;
  percent: number;
  counts: Partial<ImportCounts>;
  message: string | null;
  created_at: Date;
}

export async function insert(database: Database, userId: number, fileName: string, format: string) {
  const [row] = await database.query<{ id: number }>(
    `INSERT INTO registry_imports (user_id, file_name, format) VALUES ($1, $2, $3) RETURNING id`,
    [userId, fileName.slice(0, 255), format],
  );
  return row.id;
}

/** The import, whoever started it (its own jobs). */
export async function findById(database: Database, id: number) {
  const [row] = await database.query<ImportRow>('SELECT * FROM registry_imports WHERE id = $1', [id]);
  return row;
}

/** The import, only for the user who started it. */
export async function findOwn(database: Database, id: number, userId: number) {
  const [row] = await database.query<ImportRow>(
    `SELECT * FROM registry_imports WHERE id = $1 AND user_id = $2`,
    [id, userId],
  );
  return row;
}

export async function setState(
  database: Database,
  id: number,
  s: {
    status?: ImportStatus;
    rows?: number;
    percent?: number;
    counts?: ImportCounts;
    message?: string | null;
  },
) {
  await database.query(
    `UPDATE registry_imports SET status = coalesce($2, status), rows = coalesce($3, rows),
            percent = coalesce($4, percent), counts = coalesce($5::jsonb, counts),
            message = CASE WHEN $6::boolean THEN $7 ELSE message END, updated_at = now()
      WHERE id = $1`,
    [
      id,
      s.status ?? null,
      s.rows ?? null,
      s.percent ?? null,
      s.counts ? JSON.stringify(s.counts) : null,
      s.message !== undefined,
      s.message ?? null,
    ],
  );
}

/** How many rows of the import are staged. */
export async function stagedCount(database: Database, id: number) {
  const [staged] = await database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM registry_import_rows WHERE import_id = $1',
    [id],
  );
  return staged.n;
}

/** Marks the import committed, inside the transaction that wrote its rows. */
export async function markCommitted(tx: Conn, id: number) {
  await tx.execute(
    sql`UPDATE registry_imports SET status = 'committed', percent = 100, updated_at = now() WHERE id = ${id}`,
  );
}

/** The households a commit registered or changed (a condition on `h`), read inside the commit's transaction. */
export const COMMITTED_HOUSEHOLDS = sql`h.id IN (SELECT id FROM import_households)`;

/** Moves a validated import to committing; false when it is not validated (or another commit took it). */
export async function claimCommit(database: Database, id: number): Promise<boolean> {
  const rows = await database.query(
    `UPDATE registry_imports SET status = 'committing', percent = 0, updated_at = now()
      WHERE id = $1 AND status = 'validated' RETURNING id`,
    [id],
  );
  return rows.length === 1;
}

export async function errorsPage(database: Database, id: number, limit: number, offset: number) {
  const [items, [{ total }]] = await Promise.all([
    database.query<ImportError>(
      `SELECT row_no AS row, "column", reason, params FROM registry_import_errors
        WHERE import_id = $1 AND row_no > 0 ORDER BY row_no, id LIMIT $2 OFFSET $3`,
      [id, limit, offset],
    ),
    database.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM registry_import_errors WHERE import_id = $1 AND row_no > 0`,
      [id],
    ),
  ]);
  return { items, total };
}

/** All errors of an import in row order, a page at a time, for the report. */
export async function* errorBatches(
  database: Database,
  id: number,
  size = 5000,
): AsyncGenerator<ImportError[]> {
  let after = [0, 0];
  for (;;) {
    const page = await database.query<ImportError & { id: number }>(
      `SELECT id, row_no AS row, "column", reason, params FROM registry_import_errors
        WHERE import_id = $1 AND row_no > 0 AND (row_no, id) > ($2, $3) ORDER BY row_no, id LIMIT $4`,
      [id, after[0], after[1], size],
    );
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    after = [last.row, last.id];
  }
}

/** What the dry run said of the file besides its rows (row 0): columns and sheets it did not read. */
export async function notes(database: Database, id: number) {
  return database.query<ImportError>(
    `SELECT row_no AS row, "column", reason, params FROM registry_import_errors
      WHERE import_id = $1 AND row_no = 0 ORDER BY id`,
    [id],
  );
}

export async function addError(database: Database, id: number, e: ImportError) {
  await database.query(
    `INSERT INTO registry_import_errors (import_id, row_no, "column", reason, params) VALUES ($1, $2, $3, $4, $5)`,
    [id, e.row, e.column, e.reason, JSON.stringify(e.params)],
  );
}

/** Staged rows are only needed until the import is committed or has failed. */
export async function dropRows(database: Database, id: number) {
  await database.query(`DELETE FROM registry_import_rows WHERE import_id = $1`, [id]);
}

/** Advisory lock keys of imports: held by the process running an import's dry run or commit. */
export const IMPORT_LOCK_BASE = 7_311_019 * 2 ** 24;

/**
 * Imports left validating or committing by a process that is gone: untouched for `graceSeconds`,
 * not running here (`running`) and with nobody holding their lock. Locks the rows until `tx` ends.
 */
export async function interrupted(tx: Tx, graceSeconds: number, running: number[]) {
  const candidates = await tx.execute<{ id: number }>(
    sql`SELECT id FROM registry_imports
         WHERE status IN ('validating', 'committing') AND updated_at <= now() - make_interval(secs => ${graceSeconds})
           AND NOT (id = ANY(${`{${running.join(',')}}`}::bigint[]))
         FOR UPDATE SKIP LOCKED`,
  );
  const gone: { id: number; status: ImportStatus; format: string }[] = [];
  for (const { id } of candidates.rows) {
    const [row] = (
      await tx.execute<{ id: number; status: ImportStatus; format: string; free: boolean }>(
        sql`SELECT id, status, format, pg_try_advisory_xact_lock(${IMPORT_LOCK_BASE}::bigint + id) AS free
              FROM registry_imports WHERE id = ${id}`,
      )
    ).rows;
    if (row.free) gone.push({ id: Number(row.id), status: row.status, format: row.format });
  }
  return gone;
}

/** Sets the status and message of an import inside `tx`. */
export async function settle(tx: Tx, id: number, status: ImportStatus, message: string) {
  await tx.execute(
    sql`UPDATE registry_imports SET status = ${status}, message = ${message}, percent = 0, updated_at = now()
         WHERE id = ${id}`,
  );
}

/** Fails the imports validated more than `seconds` ago and never committed; their ids. */
export async function abandon(database: Database, seconds: number, message: string) {
  const rows = await database.query<{ id: number }>(
    `UPDATE registry_imports SET status = 'failed', message = $2, updated_at = now()
      WHERE status = 'validated' AND updated_at <= now() - make_interval(secs => $1) RETURNING id`,
    [seconds, message],
  );
  return rows.map((r) => Number(r.id));
}

/** Removes the staged rows left behind by imports that have committed or failed. */
export async function dropFinishedRows(database: Database) {
  await database.query(
    `DELETE FROM registry_import_rows
      WHERE import_id IN (SELECT id FROM registry_imports WHERE status IN ('committed', 'failed'))`,
  );
}
