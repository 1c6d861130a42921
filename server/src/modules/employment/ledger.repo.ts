import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { currentSql } from './employment.sql.ts';

/** The temporary table a ledger file is staged in, for this transaction. */
export const LEDGER_TABLE = 'ledger_rows';
const T = sql.raw(LEDGER_TABLE);

export const LEDGER_COLUMNS = {
  id_hash: 'text',
  name: 'text',
  employer: 'text',
  kind: 'text',
  wage: 'numeric',
  start_on: 'date',
  end_on: 'date',
  person_id: 'bigint',
  household_id: 'bigint',
  registry_name: 'text',
  kept: 'boolean',
  record_id: 'bigint',
  was_current: 'boolean',
};

const bad = (column: string, reason: string, where: SQL) =>
  sql`UPDATE ${T} SET bad_column = ${column}, reason = ${reason}, params = '{}' WHERE ${where}`;

/**
 * Matches the rows to living people of active households by the ID number's blind index among those
 * `visible` (a condition on `p`); anyone else is "not found" alike. A person seen only from the origin
 * side (not `kept`, a condition on `p`) is refused, the name must be the registry's, a person's job at one
 * employer from one day is one row. Rows naming a record already there (person, employer, start) keep its id.
 */
export async function matchRows(
  tx: Tx,
  visible: SQL,
  kept: SQL,
  columns: { id: string; name: string },
  on: string,
) {
  await tx.execute(sql`UPDATE ${T} t SET person_id = p.id, household_id = p.household_id,
                              registry_name = replace(p.name, ' ', ''), kept = ${kept}
                         FROM persons p JOIN households h ON h.id = p.household_id
                        WHERE p.id_hash = t.id_hash AND p.status = 'living' AND h.status = 'active' AND ${visible}`);
  await tx.execute(bad(columns.id, 'person.not_found', sql`person_id IS NULL`));
  await tx.execute(bad(columns.id, 'person.origin_side', sql`reason IS NULL AND NOT kept`));
  await tx.execute(bad(columns.name, 'name.mismatch', sql`reason IS NULL AND name <> registry_name`));
  await tx.execute(sql`UPDATE ${T} t SET bad_column = ${columns.id}, reason = 'duplicate.in_file',
                              params = jsonb_build_object('rows', f.first::text)
                         FROM (SELECT row_no, min(row_no) OVER (PARTITION BY id_hash, employer, start_on) AS first
                                 FROM ${T}) f
                        WHERE f.row_no = t.row_no AND f.first <> t.row_no AND t.reason IS NULL`);
  await tx.execute(sql`UPDATE ${T} t SET record_id = r.id, was_current = ${currentSql(on)}
                         FROM employment_records r
                        WHERE r.person_id = t.person_id AND r.employer_name = t.employer AND r.start_on = t.start_on
                          AND t.reason IS NULL`);
}

/** What the good rows would write. */
export async function counts(tx: Tx, on: string) {
  const [c] = await rows<{ persons: number; created: number; updated: number; ended: number }>(
    tx,
    sql`SELECT count(DISTINCT person_id)::int AS persons,
               count(*) FILTER (WHERE record_id IS NULL)::int AS created,
               count(*) FILTER (WHERE record_id IS NOT NULL)::int AS updated,
               count(*) FILTER (WHERE was_current AND end_on < ${on}::date)::int AS ended
          FROM ${T} WHERE reason IS NULL`,
  );
  return c;
}

/** Writes the good rows: new records from the department's list, verified; the others changed and verified; history kept. */
export async function writeRows(tx: Tx, actor: { userId: number; username: string }) {
  const by = sql`${actor.userId}::bigint, ${actor.username}::text`;
  await tx.execute(sql`
    WITH added AS (
      INSERT INTO employment_records (person_id, kind, employer_name, monthly_wage, start_on, end_on, source, verified)
      SELECT person_id, kind, employer, wage, start_on, end_on, 'department_list', true
        FROM ${T} WHERE reason IS NULL AND record_id IS NULL ORDER BY row_no
      RETURNING id)
    INSERT INTO employment_history (record_id, event, version, changes, actor_id, actor_name)
    SELECT id, 'create', 1, '{}'::jsonb, ${by} FROM added`);
  await tx.execute(sql`
    WITH old AS (
      SELECT r.id, r.kind, r.monthly_wage, to_char(r.end_on, 'YYYY-MM-DD') AS end_on, r.verified,
             t.kind AS new_kind, t.wage AS new_wage, to_char(coalesce(t.end_on, r.end_on), 'YYYY-MM-DD') AS new_end
        FROM employment_records r JOIN ${T} t ON t.record_id = r.id
       WHERE t.reason IS NULL FOR UPDATE OF r),
    changed AS (
      UPDATE employment_records r
         SET kind = o.new_kind, monthly_wage = o.new_wage, end_on = o.new_end::date, verified = true,
             version = r.version + 1, updated_at = now()
        FROM old o WHERE o.id = r.id
      RETURNING r.id, r.version)
    INSERT INTO employment_history (record_id, event, version, changes, actor_id, actor_name)
    SELECT c.id, CASE WHEN o.end_on IS NULL AND o.new_end IS NOT NULL THEN 'end' ELSE 'update' END, c.version,
           jsonb_strip_nulls(jsonb_build_object(
             'kind', CASE WHEN o.kind <> o.new_kind THEN jsonb_build_array(o.kind, o.new_kind) END,
             'monthlyWage', CASE WHEN o.monthly_wage <> o.new_wage
                                 THEN jsonb_build_array(o.monthly_wage, o.new_wage) END,
             'endOn', CASE WHEN o.end_on IS DISTINCT FROM o.new_end THEN jsonb_build_array(o.end_on, o.new_end) END,
             'verified', CASE WHEN NOT o.verified THEN '[false, true]'::jsonb END)),
           ${by}
      FROM changed c JOIN old o ON o.id = c.id`);
}

/** The households of the good rows (a condition on `h`). */
export const LEDGER_HOUSEHOLDS = sql`h.id IN (SELECT household_id FROM ${T} WHERE reason IS NULL)`;

/** The households with a current job the file ended (a condition on `h`). */
export const endedHouseholds = (on: string) =>
  sql`h.id IN (SELECT household_id FROM ${T} WHERE reason IS NULL AND was_current AND end_on < ${on}::date)`;
