import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { rows } from '../../db/rows.ts';
import { auditInsertSql } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import {
  employedSql,
  labourForceSql,
  RECORD_COLUMNS,
  unemployedSql,
  type RecordRow,
} from './employment.sql.ts';

export async function householdPaths(conn: Conn, id: number) {
  const [row] = await rows<{ id: number; residence_path: string; origin_path: string | null }>(
    conn,
    sql`SELECT id, residence_path, origin_path FROM households WHERE id = ${id}`,
  );
  return row;
}

export interface PersonRow {
  id: number;
  household_id: number;
  name: string;
  relation: string;
  age: number;
  labour_capacity: 'full' | 'partial' | 'none';
  education: string | null;
  status: string;
  residence_path: string;
  hukou_path: string;
  labour_force: boolean;
  employed: boolean;
  /** Whether a living member of the household (the person too) is employed. */
  household_employed: boolean;
}

const PERSON_SELECT = (on: string) =>
  sql`SELECT p.id, p.household_id, p.name, p.relation, extract(year FROM age(${on}::date, p.birth_date))::int AS age,
             p.labour_capacity, p.education, p.status, p.residence_path, p.hukou_path,
             ${labourForceSql(on)} AS labour_force, ${employedSql(on)} AS employed,
             EXISTS (SELECT 1 FROM persons q WHERE q.household_id = p.household_id AND q.status = 'living'
                        AND q.employed_through >= ${on}::date) AS household_employed
        FROM persons p`;

export async function findPerson(conn: Conn, id: number, on: string) {
  const [row] = await rows<PersonRow>(conn, sql`${PERSON_SELECT(on)} WHERE p.id = ${id}`);
  return row;
}

/** The living members of a household, head first. */
export const membersOf = (conn: Conn, householdId: number, on: string) =>
  rows<PersonRow>(
    conn,
    sql`${PERSON_SELECT(on)} WHERE p.household_id = ${householdId} AND p.status = 'living'
        ORDER BY p.relation <> 'head', p.birth_date, p.id`,
  );

export interface ProfileRow {
  person_id: number;
  skills: string[];
  training_wishes: string[];
  work_preference: string | null;
  not_working_reason: string | null;
  note: string;
  version: number;
  updated_at: Date;
}

export const profilesOf = (conn: Conn, personIds: number[]) =>
  rows<ProfileRow>(
    conn,
    sql`SELECT person_id, skills, training_wishes, work_preference, not_working_reason, note, version, updated_at
          FROM labour_profiles WHERE person_id = ANY(${pgArray(personIds)}::bigint[])`,
  );

export interface ProfileFields {
  skills: string[];
  trainingWishes: string[];
  workPreference: string | null;
  notWorkingReason: string | null;
  note: string;
}

/** Makes a person's entry (no `version`), or changes it from `version`; false when that version is stale or the entry exists. */
export async function saveProfile(
  conn: Conn,
  personId: number,
  version: number | undefined,
  f: ProfileFields,
  userId: number,
) {
  const values = sql`${pgArray(f.skills)}::text[], ${pgArray(f.trainingWishes)}::text[], ${f.workPreference},
                     ${f.notWorkingReason}, ${f.note}`;
  const done =
    version === undefined
      ? await rows<{ person_id: number }>(
          conn,
          sql`INSERT INTO labour_profiles (skills, training_wishes, work_preference, not_working_reason, note, person_id, updated_by)
              VALUES (${values}, ${personId}, ${userId}) ON CONFLICT (person_id) DO NOTHING RETURNING person_id`,
        )
      : await rows<{ person_id: number }>(
          conn,
          sql`UPDATE labour_profiles SET (skills, training_wishes, work_preference, not_working_reason, note) = (${values}),
                     updated_by = ${userId}, updated_at = now(), version = version + 1
               WHERE person_id = ${personId} AND version = ${version} RETURNING person_id`,
        );
  return done.length === 1;
}

export const recordsOf = (conn: Conn, personIds: number[], on: string) =>
  rows<RecordRow>(
    conn,
    sql`SELECT ${RECORD_COLUMNS(on)} FROM employment_records r
         WHERE r.person_id = ANY(${pgArray(personIds)}::bigint[])
         ORDER BY r.end_on IS NOT NULL, r.start_on DESC, r.id DESC`,
  );

export async function findRecord(conn: Conn, id: number, on: string) {
  const [row] = await rows<RecordRow>(
    conn,
    sql`SELECT ${RECORD_COLUMNS(on)} FROM employment_records r WHERE r.id = ${id}`,
  );
  return row;
}

export interface RecordFields {
  kind: string;
  employerName: string;
  /** The enterprise of the register, when the employer is in it. */
  enterpriseId?: number | null;
  place: string;
  monthlyWage: number;
  startOn: string;
  endOn: string | null;
  source: string;
  verified: boolean;
}

/** Who changes a record, for its history and the audit row written in the same statement. */
export interface Change {
  ctx: Ctx;
  action: string;
  /** The audit row's detail beside the record's id. */
  detail: object;
}

/** The history row and the audit row of the record changed in CTE `r`, as two more CTEs. */
const loggedSql = (c: Change, event: SQL, changes: object) =>
  sql`logged AS (INSERT INTO employment_history (record_id, event, version, changes, actor_id, actor_name)
                 SELECT r.id, ${event}, r.version, ${JSON.stringify(changes)}::jsonb, ${c.ctx.actor.userId},
                        ${c.ctx.actor.username}
                   FROM r),
      audited AS (${auditInsertSql(
        sql`SELECT ${c.ctx.actor.userId}, ${c.ctx.actor.username}, ${c.action}, 'person', r.person_id::text,
                   ${c.ctx.ip}, ${c.ctx.requestId}, 'ok',
                   jsonb_build_object('recordId', r.id) || ${JSON.stringify(c.detail)}::jsonb
              FROM r`,
      )})`;

/** Adds a record alone (its history and audit rows written by the caller); returns its id. */
export async function insertRecordOnly(conn: Conn, personId: number, f: RecordFields) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO employment_records (person_id, kind, employer_name, enterprise_id, place, monthly_wage, start_on,
                                        end_on, source, verified)
        VALUES (${personId}, ${f.kind}, ${f.employerName}, ${f.enterpriseId ?? null}, ${f.place}, ${f.monthlyWage},
                ${f.startOn}, ${f.endOn}, ${f.source}, ${f.verified})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Adds a record with its history and audit rows, in one statement; returns it as of `on`. */
export async function insertRecord(conn: Conn, personId: number, f: RecordFields, c: Change, on: string) {
  const [row] = await rows<RecordRow>(
    conn,
    sql`WITH r AS (
          INSERT INTO employment_records (person_id, kind, employer_name, enterprise_id, place, monthly_wage, start_on,
                                          end_on, source, verified)
          VALUES (${personId}, ${f.kind}, ${f.employerName}, ${f.enterpriseId ?? null}, ${f.place}, ${f.monthlyWage},
                  ${f.startOn}, ${f.endOn}, ${f.source}, ${f.verified})
          RETURNING *),
        ${loggedSql(c, sql`'create'`, {})}
        SELECT ${RECORD_COLUMNS(on)} FROM r`,
  );
  return row;
}

/**
 * Writes the whole record from `version` with its history (`event`, `changes`) and audit rows, in one
 * statement; returns it as of `on`, or undefined when that version is stale.
 */
export async function updateRecord(
  conn: Conn,
  id: number,
  version: number,
  f: RecordFields,
  history: { event: string; changes: object },
  c: Change,
  on: string,
) {
  const [row] = await rows<RecordRow>(
    conn,
    sql`WITH r AS (
          UPDATE employment_records
             SET kind = ${f.kind}, employer_name = ${f.employerName}, enterprise_id = ${f.enterpriseId ?? null},
                 place = ${f.place}, monthly_wage = ${f.monthlyWage},
                 start_on = ${f.startOn}, end_on = ${f.endOn}, source = ${f.source}, verified = ${f.verified},
                 version = version + 1, updated_at = now()
           WHERE id = ${id} AND version = ${version} RETURNING *),
        ${loggedSql(c, sql`${history.event}`, history.changes)}
        SELECT ${RECORD_COLUMNS(on)} FROM r`,
  );
  return row;
}

export async function insertHistory(
  conn: Conn,
  h: {
    recordId: number;
    event: string;
    version: number;
    changes: object;
    actorId: number;
    actorName: string;
  },
) {
  await conn.execute(
    sql`INSERT INTO employment_history (record_id, event, version, changes, actor_id, actor_name)
        VALUES (${h.recordId}, ${h.event}, ${h.version}, ${JSON.stringify(h.changes)}::jsonb, ${h.actorId}, ${h.actorName})`,
  );
}

export const historyOf = (conn: Conn, recordId: number) =>
  rows<{
    event: string;
    version: number;
    changes: Record<string, [unknown, unknown]>;
    actor_name: string | null;
    at: Date;
  }>(
    conn,
    sql`SELECT event, version, changes, actor_name, at FROM employment_history WHERE record_id = ${recordId} ORDER BY id DESC`,
  );

export interface LabourListRow {
  id: number;
  household_id: number;
  household_no: string;
  name: string;
  age: number;
  labour_capacity: 'full' | 'partial' | 'none';
  employed: boolean;
  work_preference: string | null;
}

/** One page of the labour force seen through `scope` (a condition on `p`), by household, with the total. */
export async function labourList(
  conn: Conn,
  scope: SQL,
  employed: boolean | undefined,
  on: string,
  limit: number,
  offset: number,
) {
  const c = [scope, labourForceSql(on)];
  if (employed !== undefined) c.push(employed ? employedSql(on) : unemployedSql(on));
  const where = sql.join(c, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<LabourListRow>(
      conn,
      sql`SELECT p.id, p.household_id, h.household_no, p.name, extract(year FROM age(${on}::date, p.birth_date))::int AS age,
                 p.labour_capacity, ${employedSql(on)} AS employed, lp.work_preference
            FROM persons p
            JOIN households h ON h.id = p.household_id
            LEFT JOIN labour_profiles lp ON lp.person_id = p.id
           WHERE ${where}
           ORDER BY h.household_no, p.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM persons p WHERE ${where}`),
  ]);
  return { items, total };
}
