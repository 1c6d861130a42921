import { sql, type SQL } from 'drizzle-orm';
import type { IncidentTab } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { underSql } from '../../platform/access/scope.ts';
import { incidentPage, rows, TAB_SQL, tabCounts, type IncidentRow } from './incidents.sql.ts';

export interface IncidentFilter {
  tab?: IncidentTab;
  underPath?: string;
  status?: string;
  open?: boolean;
  overdue?: boolean;
  categoryCode?: string;
  assigneeUserId?: number;
  /** With assigneeUserId: what was dispatched to these departments counts as assigned too. */
  assigneeDepartments?: number[];
  reporterUserId?: number;
  level?: number;
  supervised?: boolean;
  /** Part of the code or the title. */
  search?: string;
}

/** The conditions (on alias i) of the incidents `visible` to the caller that match `f`. */
function whereOf(visible: SQL, f: IncidentFilter): SQL {
  const c: SQL[] = [visible];
  if (f.tab) c.push(TAB_SQL[f.tab]);
  if (f.underPath) c.push(underSql(sql`i.place_path`, [f.underPath]));
  if (f.status) c.push(sql`i.status = ${f.status}`);
  if (f.open !== undefined)
    c.push(f.open ? sql`i.status NOT IN ('closed', 'recalled')` : sql`i.status IN ('closed', 'recalled')`);
  if (f.overdue !== undefined) c.push(sql`i.overdue = ${f.overdue}`);
  if (f.categoryCode) c.push(sql`i.category_code = ${f.categoryCode}`);
  if (f.assigneeUserId)
    c.push(
      f.assigneeDepartments?.length
        ? sql`(i.assignee_user_id = ${f.assigneeUserId} OR i.department_id IN (${sql.join(
            f.assigneeDepartments.map((d) => sql`${d}`),
            sql`, `,
          )}))`
        : sql`i.assignee_user_id = ${f.assigneeUserId}`,
    );
  if (f.reporterUserId) c.push(sql`i.reporter_user_id = ${f.reporterUserId}`);
  if (f.level !== undefined) c.push(sql`i.level = ${f.level}`);
  if (f.supervised !== undefined) c.push(sql`i.supervised = ${f.supervised}`);
  if (f.search) {
    const text = `%${f.search.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(sql`(i.code ILIKE ${text} OR i.title ILIKE ${text})`);
  }
  return sql.join(c, sql` AND `);
}

/** A page of the matching incidents, open work first and newest first, with the count of all matches. */
export async function list(conn: Conn, visible: SQL, f: IncidentFilter, limit: number, offset: number) {
  const where = whereOf(visible, f);
  const page = await rows<IncidentRow & { total: number }>(conn, incidentPage(where, limit, offset));
  const items: IncidentRow[] = page.map(({ total: _, ...row }) => row);
  if (page.length > 0 || offset === 0) return { items, total: page[0]?.total ?? 0 };
  // past the last page no row carries the count
  const [{ total }] = await rows<{ total: number }>(
    conn,
    sql`SELECT count(*)::int AS total FROM incidents i WHERE ${where}`,
  );
  return { items, total };
}

/** How many matching incidents each workbench tab holds, in one set-based query. */
export async function counts(
  conn: Conn,
  visible: SQL,
  f: Omit<IncidentFilter, 'tab'>,
): Promise<Record<IncidentTab, number>> {
  const [row] = await rows<Record<IncidentTab, number>>(conn, tabCounts(whereOf(visible, f)));
  return row;
}

/** How many matching incidents there are, in one statement. */
export async function total(conn: Conn, visible: SQL, f: Omit<IncidentFilter, 'tab'>) {
  const [row] = await rows<{ total: number }>(
    conn,
    sql`SELECT count(*)::int AS total FROM incidents i WHERE ${whereOf(visible, f)}`,
  );
  return row.total;
}
