import { sql } from 'drizzle-orm';
import type { MeasureInput } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { TODAY, type AssistedCase, type MeasureRow } from './cases.sql.ts';

/** A measure is running from its first day to its last, both included, by the China-time calendar. */
const runningSql = (m: string) =>
  sql`(${sql.raw(m)}.start_on <= ${TODAY} AND (${sql.raw(m)}.end_on IS NULL OR ${sql.raw(m)}.end_on >= ${TODAY}))`;

/** A measure with the job a member was placed in through it, if any. */
const SELECT = sql`SELECT id, case_id, type, provider_kind, provider_name, description,
                          to_char(start_on, 'YYYY-MM-DD') AS start_on, to_char(end_on, 'YYYY-MM-DD') AS end_on,
                          amount, outcome, outlives_elimination, ${runningSql('m')} AS running, version,
                          (SELECT jsonb_build_object('record_id', r.id, 'person_name', p.name,
                                                     'employer_name', r.employer_name, 'kind', r.kind,
                                                     'monthly_wage', r.monthly_wage,
                                                     'start_on', to_char(r.start_on, 'YYYY-MM-DD'),
                                                     'end_on', to_char(r.end_on, 'YYYY-MM-DD'))
                             FROM employment_records r JOIN persons p ON p.id = r.person_id
                            WHERE r.id = m.employment_record_id) AS placement
                     FROM assistance_measures m`;

/**
 * Links a hire (employment record `recordId`) to the earliest running employment measure, not linked
 * yet, of the household's live case; returns the measure and its case, or undefined when there is none.
 */
export async function linkPlacement(conn: Conn, householdId: number, recordId: number) {
  const [linked] = await rows<{ id: number; case_id: number }>(
    conn,
    sql`UPDATE assistance_measures SET employment_record_id = ${recordId}, version = version + 1
         WHERE id = (SELECT m.id FROM assistance_measures m JOIN monitoring_cases c ON c.id = m.case_id
                      WHERE c.household_id = ${householdId} AND c.step NOT IN ('eliminated', 'not_identified')
                        AND m.type = 'employment' AND m.employment_record_id IS NULL AND ${runningSql('m')}
                      ORDER BY m.start_on, m.id LIMIT 1)
        RETURNING id, case_id`,
  );
  return linked;
}

/** A case's measures, earliest first. */
export const measuresOf = (conn: Conn, caseId: number) =>
  rows<MeasureRow>(conn, sql`${SELECT} WHERE case_id = ${caseId} ORDER BY start_on, id`);

/** One measure. */
export async function measureById(conn: Conn, id: number): Promise<MeasureRow> {
  const [r] = await rows<MeasureRow>(conn, sql`${SELECT} WHERE id = ${id}`);
  return r;
}

/** A case as assistance sees it; locked for the transaction when `lock`. */
export async function assistedCase(
  conn: Conn,
  caseId: number,
  lock = false,
): Promise<AssistedCase | undefined> {
  const [c] = await rows<AssistedCase>(
    conn,
    sql`SELECT id, household_id, step, residence_path, origin_path, identified_at, assisted_since, basic_needs,
               procedure_policy_id
          FROM monitoring_cases WHERE id = ${caseId} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return c;
}

/** Adds a measure to a case; returns its id. */
export async function insertMeasure(conn: Conn, caseId: number, input: MeasureInput, userId: number) {
  const [{ id }] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO assistance_measures (case_id, type, provider_kind, provider_name, description, start_on, end_on,
                                         amount, outcome, outlives_elimination, created_by)
        VALUES (${caseId}, ${input.type}, ${input.providerKind}, ${input.providerName}, ${input.description},
                ${input.startOn}, ${input.endOn}, ${input.amount}, ${input.outcome}, ${input.outlivesElimination},
                ${userId})
        RETURNING id`,
  );
  return id;
}

/** The version of a case's measure and whether it outlives elimination, or undefined. */
export async function measureState(conn: Conn, caseId: number, measureId: number) {
  const [old] = await rows<{ version: number; outlives_elimination: boolean }>(
    conn,
    sql`SELECT version, outlives_elimination FROM assistance_measures WHERE id = ${measureId} AND case_id = ${caseId}`,
  );
  return old;
}

/** Rewrites a measure and takes it to its next version. */
export async function updateMeasure(conn: Conn, measureId: number, input: MeasureInput): Promise<void> {
  await conn.execute(
    sql`UPDATE assistance_measures
           SET type = ${input.type}, provider_kind = ${input.providerKind}, provider_name = ${input.providerName},
               description = ${input.description}, start_on = ${input.startOn}, end_on = ${input.endOn},
               amount = ${input.amount}, outcome = ${input.outcome},
               outlives_elimination = ${input.outlivesElimination}, version = version + 1
         WHERE id = ${measureId}`,
  );
}

/** Ends today the running measures of a case that end with monitoring; returns their ids. */
export async function endMeasuresAtElimination(conn: Conn, caseId: number): Promise<number[]> {
  const ended = await rows<{ id: number }>(
    conn,
    sql`UPDATE assistance_measures SET end_on = ${TODAY}, version = version + 1
         WHERE case_id = ${caseId} AND NOT outlives_elimination AND (end_on IS NULL OR end_on > ${TODAY})
        RETURNING id`,
  );
  return ended.map((m) => m.id);
}
