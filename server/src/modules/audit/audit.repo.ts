import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  result?: string;
  from?: string;
  to?: string;
}

export type AuditRow = typeof auditLog.$inferSelect;

function where(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.actor) conds.push(eq(auditLog.actorName, f.actor));
  if (f.action)
    conds.push(sql`${auditLog.action} LIKE ${f.action.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`);
  if (f.result) conds.push(eq(auditLog.result, f.result));
  if (f.from) conds.push(gte(auditLog.at, new Date(f.from)));
  // a bare date as `to` means the whole of that day; an instant, its whole millisecond, since entries
  // are shown to the millisecond but stored to the microsecond
  if (f.to) conds.push(lt(auditLog.at, new Date(Date.parse(f.to) + (f.to.length === 10 ? 86_400_000 : 1))));
  return conds.length ? and(...conds) : undefined;
}

export async function list(conn: Conn, f: AuditFilter, limit: number, offset: number) {
  const w = where(f);
  const [items, [{ total }]] = await Promise.all([
    conn.select().from(auditLog).where(w).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
    conn
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(w),
  ]);
  return { items, total };
}

/** Pages through the matching rows newest first by keyset, for streaming exports. */
export async function* batches(conn: Conn, f: AuditFilter, size = 2000): AsyncGenerator<AuditRow[]> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const w = where(f);
    const rows = await conn
      .select()
      .from(auditLog)
      .where(w ? and(w, lt(auditLog.id, before)) : lt(auditLog.id, before))
      .orderBy(desc(auditLog.id))
      .limit(size);
    if (rows.length === 0) return;
    yield rows;
    before = rows[rows.length - 1].id;
  }
}
