import { sql, type SQL } from 'drizzle-orm';

export interface FormRow {
  id: number;
  form_key: string;
  form_version: string;
  title: string;
  definition: unknown;
  place_id: number;
  place_path: string;
  place_name: string;
  created_at: Date | string;
}

export interface CampaignRow {
  id: number;
  form_id: number;
  form_title: string;
  form_version: string;
  definition: unknown;
  title: string;
  place_id: number;
  place_path: string;
  place_name: string;
  audience: string;
  tag: string | null;
  anonymous: boolean;
  opens_on: string;
  closes_on: string;
  answered: number;
  version: number;
}

export const FORM_SELECT = sql`SELECT f.id, f.form_key, f.form_version, f.title, f.definition, f.place_id, f.place_path,
         pl.name AS place_name, f.created_at
    FROM survey_forms f JOIN places pl ON pl.id = f.place_id`;

/** Campaigns (`c`) with their form and the answers counted among those the caller sees (`seen` on `s.grid_path`). */
export const CAMPAIGN_SELECT = (
  seen: SQL,
) => sql`SELECT c.id, c.form_id, f.title AS form_title, f.form_version, f.definition,
         c.title, c.place_id, c.place_path, pl.name AS place_name, c.audience, c.tag, c.anonymous,
         c.opens_on::text AS opens_on, c.closes_on::text AS closes_on, c.version,
         (SELECT count(*)::int FROM survey_submissions s WHERE s.campaign_id = c.id AND ${seen}) AS answered
    FROM survey_campaigns c
    JOIN survey_forms f ON f.id = c.form_id
    JOIN places pl ON pl.id = c.place_id`;

export interface SubmissionRow {
  id: number;
  grid_path: string;
  household_id: number | null;
  channel: string;
  answers: Record<string, unknown>;
  submitted_at: Date | string;
  form_version: string;
}
