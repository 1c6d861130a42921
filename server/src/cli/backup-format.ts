import type { Database } from '../db/client.ts';

export const BACKUP_FORMAT = 'anju-backup';
export const BACKUP_VERSION = 1;
/**
 * Sessions are sign-in tokens: a restored database starts with everyone signed out. Staged import
 * rows (encrypted ID numbers of files never committed) are only needed until their import commits.
 */
const NOT_BACKED_UP = ['anju_migrations', 'sessions', 'registry_import_rows'];

/** Whether a backup carries `table`; backups made before it was left out still may. */
export const backedUp = (table: string) => !NOT_BACKED_UP.includes(table);

export interface TableInfo {
  name: string;
  columns: string[];
}

/** First line of a backup. Then, per table, frames `{"table","bytes"}\n<bytes of COPY csv>` and `{"table","rows"}\n`. */
export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: TableInfo[];
}

export type Frame = { table: string; bytes: number } | { table: string; rows: number };

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function appliedMigrations(database: Database): Promise<string[]> {
  return (await database.query<{ tag: string }>(`SELECT tag FROM anju_migrations ORDER BY tag`)).map(
    (r) => r.tag,
  );
}

/** The public tables with their stored columns, parents before the tables that reference them. */
export async function backupTables(database: Database): Promise<TableInfo[]> {
  const columns = await database.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const refs = await database.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    if (backedUp(c.table_name))
      byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byTable.has(name)) return;
    seen.add(name);
    for (const r of refs)
      if (unquote(r.child) === name && unquote(r.parent) !== name) visit(unquote(r.parent));
    ordered.push({ name, columns: byTable.get(name)! });
  };
  [...byTable.keys()].sort().forEach(visit);
  return ordered;
}

/** Reads lines and byte runs from a stream of buffers (the gunzipped backup). */
export class FrameReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.chunks.push(next.value);
    this.length += next.value.length;
    return true;
  }

  /** Takes the first n buffered bytes (joining pieces only here, once per frame). */
  private take(n: number, skip = 0): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
    const out = all.subarray(0, n);
    const rest = all.subarray(n + skip);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** The next line, or undefined at the end of the stream. */
  async line(): Promise<string | undefined> {
    let scanned = 0;
    for (;;) {
      let offset = 0;
      for (const chunk of this.chunks) {
        const at = offset + chunk.length > scanned ? chunk.indexOf(10, Math.max(0, scanned - offset)) : -1;
        if (at >= 0) return this.take(offset + at, 1).toString('utf8');
        offset += chunk.length;
      }
      scanned = this.length;
      if (!(await this.fill())) {
        if (this.length) throw new Error('backup file is truncated');
        return undefined;
      }
    }
  }

  async bytes(n: number): Promise<Buffer> {
    while (this.length < n) if (!(await this.fill())) throw new Error('backup file is truncated');
    return this.take(n);
  }
}
