import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from './incidents.sql.ts';

export interface CategoryLimitsRow {
  code: string;
  name_zh: string;
  name_en: string;
  limit_unit: 'hours' | 'working_days';
  accept_hours: number;
  deadline_hours: number;
  accept_days: number;
  deadline_days: number;
  extension_cap_hours: number;
  extension_cap_days: number;
  extension_cap_source: string;
  start_level: number;
  auto_escalate: boolean;
  version: number;
}

const COLUMNS = sql`code, name_zh, name_en, limit_unit, accept_hours, deadline_hours, accept_days, deadline_days,
  extension_cap_hours, extension_cap_days, extension_cap_source, start_level, auto_escalate, version`;

export async function categories(conn: Conn) {
  return rows<CategoryLimitsRow>(
    conn,
    sql`SELECT ${COLUMNS} FROM incident_categories WHERE active ORDER BY sort, code`,
  );
}

export async function category(conn: Conn, code: string): Promise<CategoryLimitsRow | undefined> {
  const [r] = await rows<CategoryLimitsRow>(
    conn,
    sql`SELECT ${COLUMNS} FROM incident_categories WHERE code = ${code} AND active`,
  );
  return r;
}

export interface Limits {
  limitUnit: string;
  acceptHours: number;
  deadlineHours: number;
  acceptDays: number;
  deadlineDays: number;
  extensionCapHours: number;
  extensionCapDays: number;
}

/** Sets a category's limits if it still is at `version`; the category as it then is, or nothing. */
export async function setLimits(conn: Conn, code: string, l: Limits, version: number) {
  const [r] = await rows<CategoryLimitsRow>(
    conn,
    sql`UPDATE incident_categories
           SET limit_unit = ${l.limitUnit}, accept_hours = ${l.acceptHours}, deadline_hours = ${l.deadlineHours},
               accept_days = ${l.acceptDays}, deadline_days = ${l.deadlineDays},
               extension_cap_hours = ${l.extensionCapHours}, extension_cap_days = ${l.extensionCapDays},
               version = version + 1
         WHERE code = ${code} AND active AND version = ${version}
     RETURNING ${COLUMNS}`,
  );
  return r;
}
