import { sql } from 'drizzle-orm';

/** Records (`r`) that count: those no later record corrects. */
export const COUNTING = sql`NOT EXISTS (SELECT 1 FROM volunteer_service_records c WHERE c.corrects_id = r.id)`;

export interface VolunteerRow {
  id: number;
  user_id: number | null;
  name: string;
  name_masked: string;
  id_masked: string;
  phone_masked: string | null;
  place_id: number;
  place_path: string;
  place_name: string;
  team_id: number | null;
  team_name: string | null;
  skills: string[];
  availability: string[];
  hours: string | number;
  version: number;
}

/** Volunteers (`v`) with their place, team and the hours that count. */
export const VOLUNTEER_SELECT = sql`
  SELECT v.id, v.user_id, v.name, v.name_masked, v.id_masked, v.phone_masked, v.place_id, v.place_path,
         pl.name AS place_name, v.team_id, t.name AS team_name, v.skills, v.availability, v.version,
         (SELECT coalesce(sum(r.hours), 0) FROM volunteer_service_records r
           WHERE r.volunteer_id = v.id AND ${COUNTING}) AS hours
    FROM volunteers v JOIN places pl ON pl.id = v.place_id LEFT JOIN volunteer_teams t ON t.id = v.team_id`;

export interface TeamRow {
  id: number;
  name: string;
  place_id: number;
  place_name: string;
  org_id: number | null;
  org_name: string | null;
  members: number;
}

export const TEAM_SELECT = sql`
  SELECT t.id, t.name, t.place_id, pl.name AS place_name, t.org_id, o.name AS org_name,
         (SELECT count(*)::int FROM volunteers v WHERE v.team_id = t.id) AS members
    FROM volunteer_teams t JOIN places pl ON pl.id = t.place_id
    LEFT JOIN social_organizations o ON o.id = t.org_id`;

export interface ActivityRow {
  id: number;
  title: string;
  place_id: number;
  place_path: string;
  place_name: string;
  address: string;
  starts_at: string;
  ends_at: string;
  slots: number;
  signed_up: number;
  skills: string[];
  team_name: string | null;
  version: number;
}

const ISO = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

export const ACTIVITY_SELECT = sql`
  SELECT a.id, a.title, a.place_id, a.place_path, pl.name AS place_name, a.address,
         ${ISO('a.starts_at')} AS starts_at, ${ISO('a.ends_at')} AS ends_at, a.slots, a.signed_up, a.skills,
         t.name AS team_name, a.version
    FROM volunteer_activities a JOIN places pl ON pl.id = a.place_id
    LEFT JOIN volunteer_teams t ON t.id = a.team_id`;

export interface SignupRow {
  id: number;
  activity_id: number;
  volunteer_id: number;
  name: string;
  phone_masked: string | null;
  checked_in_at: string | null;
  checked_in_via: 'qr' | 'organizer' | null;
  checked_out_at: string | null;
  checked_out_via: 'qr' | 'organizer' | null;
  record_id: number | null;
  hours: string | number | null;
}

/** Sign-ups (`s`) with their volunteer and the record that counts now. */
export const SIGNUP_SELECT = sql`
  SELECT s.id, s.activity_id, s.volunteer_id, v.name, v.phone_masked,
         ${ISO('s.checked_in_at')} AS checked_in_at, s.checked_in_via,
         ${ISO('s.checked_out_at')} AS checked_out_at, s.checked_out_via, r.id AS record_id, r.hours
    FROM volunteer_signups s JOIN volunteers v ON v.id = s.volunteer_id
    LEFT JOIN volunteer_service_records r ON r.signup_id = s.id AND ${COUNTING}`;

export interface RecordRow {
  id: number;
  signup_id: number;
  volunteer_id: number;
  activity_id: number;
  title: string;
  starts_at: string;
  hours: string | number;
  corrects_id: number | null;
  reason: string | null;
  approved_at: string;
}

export const RECORD_SELECT = sql`
  SELECT r.id, r.signup_id, r.volunteer_id, r.activity_id, a.title, ${ISO('a.starts_at')} AS starts_at, r.hours,
         r.corrects_id, r.reason, ${ISO('r.approved_at')} AS approved_at
    FROM volunteer_service_records r JOIN volunteer_activities a ON a.id = r.activity_id`;
