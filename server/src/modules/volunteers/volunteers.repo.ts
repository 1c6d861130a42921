import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { rows } from '../../db/rows.ts';
import {
  ACTIVITY_SELECT,
  COUNTING,
  RECORD_SELECT,
  SIGNUP_SELECT,
  TEAM_SELECT,
  VOLUNTEER_SELECT,
  type ActivityRow,
  type RecordRow,
  type SignupRow,
  type TeamRow,
  type VolunteerRow,
} from './volunteers.sql.ts';

const one = async <T>(conn: Conn, q: SQL) => (await rows<T>(conn, q))[0];

export interface VolunteerFields {
  userId: number | null;
  name: string;
  nameMasked: string;
  id: { cipher: string; hash: string; masked: string };
  phone: { cipher: string; hash: string; masked: string } | null;
  place: { id: number; path: string };
  teamId: number | null;
  skills: string[];
  availability: string[];
}

/** Registers a volunteer; undefined when the ID number or the account is registered already. */
export async function insertVolunteer(conn: Conn, f: VolunteerFields) {
  const row = await one<{ id: number }>(
    conn,
    sql`INSERT INTO volunteers (user_id, name, name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_hash,
                                phone_masked, place_id, place_path, team_id, skills, availability)
        VALUES (${f.userId}, ${f.name}, ${f.nameMasked}, ${f.id.cipher}, ${f.id.hash}, ${f.id.masked},
                ${f.phone?.cipher ?? null}, ${f.phone?.hash ?? null}, ${f.phone?.masked ?? null}, ${f.place.id},
                ${f.place.path}, ${f.teamId}, ${pgArray(f.skills)}::text[], ${pgArray(f.availability)}::text[])
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return row && Number(row.id);
}

/** Sets a volunteer's skills and availability from `version`; false when stale. */
export async function updateVolunteer(
  conn: Conn,
  id: number,
  version: number,
  f: { skills: string[]; availability: string[] },
) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE volunteers SET skills = ${pgArray(f.skills)}::text[], availability = ${pgArray(f.availability)}::text[],
                              version = version + 1
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export const findVolunteer = (conn: Conn, id: number) =>
  one<VolunteerRow>(conn, sql`${VOLUNTEER_SELECT} WHERE v.id = ${id}`);

export const volunteerOfUser = (conn: Conn, userId: number) =>
  one<VolunteerRow>(conn, sql`${VOLUNTEER_SELECT} WHERE v.user_id = ${userId}`);

/** One page of the volunteers `scope` admits (a condition on `v`), by name, with the total. */
export async function listVolunteers(
  conn: Conn,
  scope: SQL,
  f: { q?: string; skill?: string },
  limit: number,
  offset: number,
) {
  const c = [scope];
  if (f.q) c.push(sql`v.name LIKE ${`%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`}`);
  if (f.skill) c.push(sql`${f.skill} = ANY(v.skills)`);
  const where = sql.join(c, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<VolunteerRow>(
      conn,
      sql`${VOLUNTEER_SELECT} WHERE ${where} ORDER BY v.name, v.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM volunteers v WHERE ${where}`),
  ]);
  return { items, total };
}

export async function insertTeam(
  conn: Conn,
  t: { name: string; place: { id: number; path: string }; orgId: number | null },
  userId: number,
) {
  const row = await one<{ id: number }>(
    conn,
    sql`INSERT INTO volunteer_teams (name, place_id, place_path, org_id, created_by)
        VALUES (${t.name}, ${t.place.id}, ${t.place.path}, ${t.orgId}, ${userId}) RETURNING id`,
  );
  return Number(row.id);
}

export const findTeam = (conn: Conn, id: number) =>
  one<TeamRow & { place_path: string }>(
    conn,
    sql`SELECT x.*, t.place_path FROM (${TEAM_SELECT} WHERE t.id = ${id}) x JOIN volunteer_teams t ON t.id = x.id`,
  );

export const listTeams = (conn: Conn, scope: SQL) =>
  rows<TeamRow>(conn, sql`${TEAM_SELECT} WHERE ${scope} ORDER BY t.name, t.id LIMIT 500`);

export interface ActivityFields {
  title: string;
  place: { id: number; path: string };
  address: string;
  startsAt: string;
  endsAt: string;
  slots: number;
  skills: string[];
  teamId: number | null;
}

export async function insertActivity(conn: Conn, f: ActivityFields, userId: number) {
  const row = await one<{ id: number }>(
    conn,
    sql`INSERT INTO volunteer_activities (title, place_id, place_path, address, starts_at, ends_at, slots, skills, team_id, created_by)
        VALUES (${f.title}, ${f.place.id}, ${f.place.path}, ${f.address}, ${f.startsAt}, ${f.endsAt}, ${f.slots},
                ${pgArray(f.skills)}::text[], ${f.teamId}, ${userId}) RETURNING id`,
  );
  return Number(row.id);
}

export const findActivity = (conn: Conn, id: number) =>
  one<ActivityRow>(conn, sql`${ACTIVITY_SELECT} WHERE a.id = ${id}`);

export interface ActivityFilters {
  status?: 'upcoming' | 'running' | 'finished';
}

/** One page of the activities `scope` admits (a condition on `a`), the latest first, with the total. */
export async function listActivities(
  conn: Conn,
  scope: SQL,
  f: ActivityFilters,
  limit: number,
  offset: number,
) {
  const c = [scope];
  if (f.status === 'upcoming') c.push(sql`a.starts_at > now()`);
  if (f.status === 'running') c.push(sql`a.starts_at <= now() AND a.ends_at >= now()`);
  if (f.status === 'finished') c.push(sql`a.ends_at < now()`);
  const where = sql.join(c, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<ActivityRow>(
      conn,
      sql`${ACTIVITY_SELECT} WHERE ${where} ORDER BY a.starts_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(
      conn,
      sql`SELECT count(*)::int AS total FROM volunteer_activities a WHERE ${where}`,
    ),
  ]);
  return { items, total };
}

export const roster = (conn: Conn, activityId: number) =>
  rows<SignupRow>(conn, sql`${SIGNUP_SELECT} WHERE s.activity_id = ${activityId} ORDER BY v.name, s.id`);

export const signupsOfVolunteer = (conn: Conn, volunteerId: number, activityIds: number[]) =>
  rows<SignupRow>(
    conn,
    sql`${SIGNUP_SELECT} WHERE s.volunteer_id = ${volunteerId} AND s.activity_id = ANY(${pgArray(activityIds)}::bigint[])`,
  );

export const findSignup = (conn: Conn, id: number) =>
  one<SignupRow>(conn, sql`${SIGNUP_SELECT} WHERE s.id = ${id}`);

export const signupOf = (conn: Conn, activityId: number, volunteerId: number) =>
  one<SignupRow>(
    conn,
    sql`${SIGNUP_SELECT} WHERE s.activity_id = ${activityId} AND s.volunteer_id = ${volunteerId}`,
  );

/**
 * Signs a volunteer up: the sign-up row (none when signed up already), then one slot held by a
 * conditional update that waits for the activity's row lock and never passes its slots.
 */
export async function signUp(conn: Conn, activityId: number, volunteerId: number) {
  const row = await one<{ id: number }>(
    conn,
    sql`INSERT INTO volunteer_signups (activity_id, volunteer_id) VALUES (${activityId}, ${volunteerId})
        ON CONFLICT (activity_id, volunteer_id) DO NOTHING RETURNING id`,
  );
  if (!row) return 'signed_up_already' as const;
  const slot = await rows<{ id: number }>(
    conn,
    sql`UPDATE volunteer_activities SET signed_up = signed_up + 1
         WHERE id = ${activityId} AND signed_up < slots RETURNING id`,
  );
  return slot.length === 1 ? Number(row.id) : ('full' as const);
}

/** Checks a sign-up in or out now; false when it was done already (or, out, before any check-in). */
export async function check(conn: Conn, signupId: number, action: 'in' | 'out', via: 'qr' | 'organizer') {
  const done = await rows<{ id: number }>(
    conn,
    action === 'in'
      ? sql`UPDATE volunteer_signups SET checked_in_at = now(), checked_in_via = ${via}
             WHERE id = ${signupId} AND checked_in_at IS NULL RETURNING id`
      : sql`UPDATE volunteer_signups SET checked_out_at = now(), checked_out_via = ${via}
             WHERE id = ${signupId} AND checked_in_at IS NOT NULL AND checked_out_at IS NULL RETURNING id`,
  );
  return done.length === 1;
}

/** Writes a record of approved hours, a first one or a correction of `correctsId`; undefined when one was written already. */
export async function insertRecord(
  conn: Conn,
  s: { id: number; volunteer_id: number; activity_id: number },
  hours: number,
  userId: number,
  correction?: { correctsId: number; reason: string },
) {
  const target = correction ? sql`(corrects_id)` : sql`(signup_id) WHERE corrects_id IS NULL`;
  const row = await one<{ id: number }>(
    conn,
    sql`INSERT INTO volunteer_service_records (signup_id, volunteer_id, activity_id, hours, corrects_id, reason, approved_by)
        VALUES (${s.id}, ${s.volunteer_id}, ${s.activity_id}, ${hours}, ${correction?.correctsId ?? null},
                ${correction?.reason ?? null}, ${userId})
        ON CONFLICT ${target} DO NOTHING RETURNING id`,
  );
  return row && Number(row.id);
}

export const findRecord = (conn: Conn, id: number) =>
  one<RecordRow & { counting: boolean }>(
    conn,
    sql`SELECT x.*, NOT EXISTS (SELECT 1 FROM volunteer_service_records c WHERE c.corrects_id = x.id) AS counting
          FROM (${RECORD_SELECT} WHERE r.id = ${id}) x`,
  );

/** The records of a volunteer that count, newest first. */
export const countingRecords = (conn: Conn, volunteerId: number) =>
  rows<RecordRow>(
    conn,
    sql`${RECORD_SELECT} WHERE r.volunteer_id = ${volunteerId} AND ${COUNTING} ORDER BY r.id DESC`,
  );

export async function nextCertificateId(conn: Conn) {
  const row = await one<{ id: string }>(
    conn,
    sql`SELECT nextval(pg_get_serial_sequence('volunteer_certificates', 'id')) AS id`,
  );
  return Number(row.id);
}

export async function insertCertificate(
  conn: Conn,
  c: {
    id: number;
    serial: string;
    volunteerId: number;
    nameMasked: string;
    hours: number;
    activities: number;
  },
) {
  await conn.execute(
    sql`INSERT INTO volunteer_certificates (id, serial, volunteer_id, name_masked, hours, activities)
        VALUES (${c.id}, ${c.serial}, ${c.volunteerId}, ${c.nameMasked}, ${c.hours}, ${c.activities})`,
  );
}

export interface CertificateRow {
  serial: string;
  volunteer_id: number;
  name_masked: string;
  hours: string | number;
  activities: number;
  issued_at: string;
}

const CERTIFICATE_SELECT = sql`
  SELECT serial, volunteer_id, name_masked, hours, activities,
         to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS issued_at
    FROM volunteer_certificates`;

export const findCertificate = (conn: Conn, serial: string) =>
  one<CertificateRow>(conn, sql`${CERTIFICATE_SELECT} WHERE serial = ${serial}`);

export const certificatesOf = (conn: Conn, volunteerId: number) =>
  rows<CertificateRow>(conn, sql`${CERTIFICATE_SELECT} WHERE volunteer_id = ${volunteerId} ORDER BY id DESC`);

export interface ApprovedEventRow {
  id: number;
  volunteer_id: number;
  user_id: number | null;
  activity_id: number;
  hours: string | number;
  delta: string | number;
  corrects_id: number | null;
  approved_at: string;
}

/** Records approved after the record `cursor`, oldest first, each with the change it makes to the hours that count. */
export const approvedAfter = (conn: Conn, cursor: number, limit: number) =>
  rows<ApprovedEventRow>(
    conn,
    sql`SELECT r.id, r.volunteer_id, v.user_id, r.activity_id, r.hours, r.hours - coalesce(p.hours, 0) AS delta,
               r.corrects_id, to_char(r.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS approved_at
          FROM volunteer_service_records r JOIN volunteers v ON v.id = r.volunteer_id
          LEFT JOIN volunteer_service_records p ON p.id = r.corrects_id
         WHERE r.id > ${cursor} ORDER BY r.id LIMIT ${limit}`,
  );
