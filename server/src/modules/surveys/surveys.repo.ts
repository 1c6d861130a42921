import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { underColumnSql, underSql } from '../../platform/access/scope.ts';
import {
  CAMPAIGN_SELECT,
  FORM_SELECT,
  type CampaignRow,
  type FormRow,
  type SubmissionRow,
} from './surveys.sql.ts';

export async function insertForm(
  conn: Conn,
  f: {
    formKey: string;
    formVersion: string;
    title: string;
    definition: unknown;
    placeId: number;
    placePath: string;
  },
  userId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO survey_forms (form_key, form_version, title, definition, place_id, place_path, created_by)
        VALUES (${f.formKey}, ${f.formVersion}, ${f.title}, ${JSON.stringify(f.definition)}::jsonb, ${f.placeId},
                ${f.placePath}, ${userId})
        ON CONFLICT (place_id, form_key, form_version) DO NOTHING
        RETURNING id`,
  );
  return row ? Number(row.id) : undefined;
}

export async function findForm(conn: Conn, id: number) {
  const [row] = await rows<FormRow>(conn, sql`${FORM_SELECT} WHERE f.id = ${id}`);
  return row;
}

export async function listForms(conn: Conn, seen: SQL, limit: number, offset: number) {
  const items = await rows<FormRow & { total: number }>(
    conn,
    sql`${FORM_SELECT} WHERE ${seen} ORDER BY f.created_at DESC, f.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    conn,
    sql`SELECT count(*)::int AS total FROM survey_forms f WHERE ${seen}`,
  );
  return { items, total };
}

export async function insertCampaign(
  conn: Conn,
  c: {
    formId: number;
    title: string;
    placeId: number;
    placePath: string;
    audience: string;
    tag: string | null;
    anonymous: boolean;
    opensOn: string;
    closesOn: string;
  },
  userId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO survey_campaigns (form_id, title, place_id, place_path, audience, tag, anonymous, opens_on, closes_on, created_by)
        VALUES (${c.formId}, ${c.title}, ${c.placeId}, ${c.placePath}, ${c.audience}, ${c.tag}, ${c.anonymous},
                ${c.opensOn}, ${c.closesOn}, ${userId})
        RETURNING id`,
  );
  return Number(row.id);
}

export async function findCampaign(conn: Conn, id: number, seen: SQL) {
  const [row] = await rows<CampaignRow>(conn, sql`${CAMPAIGN_SELECT(seen)} WHERE c.id = ${id}`);
  return row;
}

export async function listCampaigns(
  conn: Conn,
  seen: SQL,
  answersSeen: SQL,
  open: string | undefined,
  limit: number,
  offset: number,
) {
  const when =
    open === 'true'
      ? sql`AND current_date BETWEEN c.opens_on AND c.closes_on`
      : open === 'false'
        ? sql`AND NOT (current_date BETWEEN c.opens_on AND c.closes_on)`
        : sql``;
  const items = await rows<CampaignRow>(
    conn,
    sql`${CAMPAIGN_SELECT(answersSeen)} WHERE ${seen} ${when} ORDER BY c.opens_on DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    conn,
    sql`SELECT count(*)::int AS total FROM survey_campaigns c WHERE ${seen} ${when}`,
  );
  return { items, total };
}

/** Records who answered; false when they have answered already. */
export async function claimRespondent(conn: Conn, campaignId: number, respondent: string) {
  const done = await rows<{ campaign_id: number }>(
    conn,
    sql`INSERT INTO survey_respondents (campaign_id, respondent) VALUES (${campaignId}, ${respondent})
        ON CONFLICT DO NOTHING RETURNING campaign_id`,
  );
  return done.length === 1;
}

export async function insertSubmission(
  conn: Conn,
  s: {
    campaignId: number;
    formId: number;
    gridPath: string;
    householdId: number | null;
    personId: number | null;
    channel: string;
    answers: unknown;
  },
) {
  const [row] = await rows<{ id: number; submitted_at: Date | string }>(
    conn,
    sql`INSERT INTO survey_submissions (campaign_id, form_id, grid_path, household_id, person_id, channel, answers)
        VALUES (${s.campaignId}, ${s.formId}, ${s.gridPath}, ${s.householdId}, ${s.personId}, ${s.channel},
                ${JSON.stringify(s.answers)}::jsonb)
        RETURNING id, submitted_at`,
  );
  return { id: Number(row.id), submittedAt: new Date(row.submitted_at).toISOString() };
}

/** Who a campaign asks under a place: active households, or living residents (with the tag when given). */
const audienceSql = (audience: string, tag: string | null, path: SQL) =>
  audience === 'households'
    ? sql`(SELECT count(*)::int FROM households x WHERE x.status = 'active' AND ${underColumnSql(sql`x.residence_path`, path)})`
    : sql`(SELECT count(*)::int FROM persons x WHERE x.status = 'living' AND ${underColumnSql(sql`x.residence_path`, path)}
              ${tag ? sql`AND ${tag} = ANY (x.tags)` : sql``})`;

/** The communities and grids under the campaign's place that the caller sees, with their audience and answers. */
export async function responseRates(
  conn: Conn,
  c: { id: number; placePath: string; audience: string; tag: string | null },
  seen: SQL,
) {
  return rows<{ id: number; name: string; level: 'community' | 'grid'; audience: number; answered: number }>(
    conn,
    sql`SELECT p.id, p.name, p.level, ${audienceSql(c.audience, c.tag, sql`p.path`)} AS audience,
               (SELECT count(*)::int FROM survey_submissions s
                 WHERE s.campaign_id = ${c.id} AND ${underColumnSql(sql`s.grid_path`, sql`p.path`)}) AS answered
          FROM places p
         WHERE p.level IN ('community', 'grid') AND ${underSql(sql`p.path`, [c.placePath])} AND ${seen}
         ORDER BY p.path`,
  );
}

/** Answers of the top-level questions `names` counted by value (each word of a select_multiple apart). */
export async function answerCounts(conn: Conn, campaignId: number, names: string[], seen: SQL) {
  if (!names.length) return [];
  return rows<{ name: string; value: string; count: number }>(
    conn,
    sql`SELECT q.name, v.value, count(*)::int AS count
          FROM survey_submissions s
         CROSS JOIN LATERAL jsonb_each_text(s.answers) AS q(name, raw)
         CROSS JOIN LATERAL regexp_split_to_table(trim(q.raw), '\\s+') AS v(value)
         WHERE s.campaign_id = ${campaignId} AND ${seen} AND v.value <> ''
           AND q.name IN (${sql.join(
             names.map((n) => sql`${n}`),
             sql`, `,
           )})
         GROUP BY q.name, v.value
         ORDER BY q.name, count(*) DESC`,
  );
}

/** The submissions of a campaign the caller sees, in batches by id. */
export async function* submissions(conn: Conn, campaignId: number, seen: SQL, batch = 1000) {
  let after = 0;
  for (;;) {
    const page = await rows<SubmissionRow>(
      conn,
      sql`SELECT s.id, s.grid_path, s.household_id, s.channel, s.answers, s.submitted_at, f.form_version
            FROM survey_submissions s JOIN survey_forms f ON f.id = s.form_id
           WHERE s.campaign_id = ${campaignId} AND ${seen} AND s.id > ${after}
           ORDER BY s.id LIMIT ${batch}`,
    );
    if (!page.length) return;
    yield page;
    after = Number(page.at(-1)!.id);
  }
}
