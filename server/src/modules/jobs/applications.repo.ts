import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { ownScopeSql } from '../../platform/access/scope.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { labourForceSql } from '../employment/placement.service.ts';
import { APPLICATION_SELECT, type ApplicationRow } from './jobs.sql.ts';

export async function findById(conn: Conn, id: number, on: string) {
  const [row] = await rows<ApplicationRow>(conn, sql`${APPLICATION_SELECT(on)} WHERE a.id = ${id}`);
  return row;
}

/** A job's applications, the employer's view (`consentedOnly`) leaving out those not agreed to, newest first. */
export const ofJob = (conn: Conn, jobId: number, consentedOnly: boolean, on: string) =>
  rows<ApplicationRow>(
    conn,
    sql`${APPLICATION_SELECT(on)} WHERE a.job_id = ${jobId} ${consentedOnly ? sql`AND a.consented_at IS NOT NULL` : sql``}
        ORDER BY a.id DESC`,
  );

/** The applications of a household's people, newest first. */
export const ofHousehold = (conn: Conn, householdId: number, on: string) =>
  rows<ApplicationRow>(
    conn,
    sql`${APPLICATION_SELECT(on)} WHERE p.household_id = ${householdId} ORDER BY a.id DESC`,
  );

export interface NewApplication {
  jobId: number;
  personId: number;
  origin: 'applied' | 'recommended';
  consentBy: 'person' | null;
  showPhone: boolean;
  note: string;
  by: number;
}

/** A new application; null when the person already has one for the job. */
export async function insert(conn: Conn, a: NewApplication) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO job_applications (job_id, person_id, origin, status, consented_at, consent_by, show_phone, note, created_by)
        VALUES (${a.jobId}, ${a.personId}, ${a.origin}, ${a.origin === 'applied' ? 'applied' : 'recommended'},
                ${a.consentBy === null ? null : sql`now()`}, ${a.consentBy}, ${a.showPhone}, ${a.note}, ${a.by})
        ON CONFLICT (job_id, person_id) DO NOTHING
        RETURNING id`,
  );
  return row ? Number(row.id) : null;
}

export interface Change {
  status?: string;
  consent?: { by: 'person' | 'proxy'; recordedBy: number };
  showPhone?: boolean;
  interviewOn?: string;
  hiredOn?: string;
  recordId?: number;
  note?: string;
}

/** Moves an application on from `version`; false when someone changed it in between. */
export async function change(conn: Conn, id: number, version: number, c: Change) {
  const sets = [sql`version = version + 1`, sql`updated_at = now()`];
  if (c.status !== undefined) sets.push(sql`status = ${c.status}`);
  if (c.consent)
    sets.push(
      sql`consented_at = now(), consent_by = ${c.consent.by}, consent_recorded_by = ${c.consent.recordedBy}`,
    );
  if (c.showPhone !== undefined) sets.push(sql`show_phone = ${c.showPhone}`);
  if (c.interviewOn !== undefined) sets.push(sql`interview_on = ${c.interviewOn}`);
  if (c.hiredOn !== undefined) sets.push(sql`hired_on = ${c.hiredOn}`);
  if (c.recordId !== undefined) sets.push(sql`record_id = ${c.recordId}`);
  if (c.note !== undefined) sets.push(sql`note = ${c.note}`);
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE job_applications SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

/** A person as an application needs them: where they live, their household, whether they are of the labour force. */
export async function personOf(conn: Conn, id: number, on: string) {
  const [row] = await rows<{
    id: number;
    household_id: number;
    residence_path: string;
    hukou_path: string;
    status: string;
    skills: string[] | null;
    work_preference: string | null;
    labour_force: boolean;
  }>(
    conn,
    sql`SELECT p.id, p.household_id, p.residence_path, p.hukou_path, p.status, lp.skills, lp.work_preference,
               ${labourForceSql(on)} AS labour_force
          FROM persons p LEFT JOIN labour_profiles lp ON lp.person_id = p.id WHERE p.id = ${id}`,
  );
  return row;
}

/** The one active household living in a resident's scope (their dwelling) and its living members; null when not one. */
export async function residentHousehold(conn: Conn, actor: Actor) {
  const found = await rows<{ id: number; residence_path: string }>(
    conn,
    sql`SELECT id, residence_path FROM households WHERE status = 'active' AND ${ownScopeSql(actor, sql.raw('residence_path'))} LIMIT 2`,
  );
  if (found.length !== 1) return null;
  const members = await rows<{ id: number; name: string }>(
    conn,
    sql`SELECT id, name FROM persons WHERE household_id = ${found[0].id} AND status = 'living'
         ORDER BY relation <> 'head', birth_date, id`,
  );
  return { ...found[0], members };
}
