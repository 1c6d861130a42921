import { sql } from 'drizzle-orm';
import {
  BASIC_NEEDS,
  COMPARISON_CHECKS,
  DEFAULT_PROCEDURE,
  IDENTIFICATION_STEPS,
  VERIFICATION_ITEMS,
} from '@anju/contracts';
import type { Tx } from '../db/client.ts';
import {
  FITTING_MEASURE,
  IDENTIFICATION_MIX,
  IN_IDENTIFICATION,
  MONITORED_MIX,
  PAST_CASES,
  PAST_MIX,
  LEAD_NOTES,
  MEASURE_MIX,
  MEASURES,
  REJECT_REASON,
  RISK_MIX,
  SOURCE_MIX,
  SOURCE_PREFIX,
  type Mix,
} from './cases-catalogue.ts';
import { defineSeeder, type Seeder } from './registry.ts';
import { categorySql, oncePoorSql, priorStatusSql } from './case-category.ts';
import { inCommunitiesCondition } from './in-communities.ts';

const HOUR = 3_600_000;
const { noticeDays: NOTICE_DAYS, decisionDays: DECISION_DAYS, stepDays: STEP_DAYS } = DEFAULT_PROCEDURE;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const CHINA = (ts: string) => `(${ts} AT TIME ZONE 'Asia/Shanghai')`;
const dayOf = (ts: string) => `${CHINA(ts)}::date`;
/** A timestamp `days` (SQL) after `ts`. */
const plus = (ts: string, days: string | number) => `(${ts} + (${days}) * interval '1 day')`;

/** SQL choosing from a mix by a uniform number `u`. */
function pick(u: string, mix: Mix): string {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  let upTo = 0;
  const arms = mix.slice(0, -1).map(([v, w]) => `WHEN ${u} < ${(upTo += w / total)} THEN ${lit(v)}`);
  return `(CASE ${arms.join(' ')} ELSE ${lit(mix[mix.length - 1][0])} END)`;
}
const mapped = (column: string, map: Record<string, string>) =>
  `(CASE ${column} ${Object.entries(map)
    .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`)
    .join(' ')} END)`;
const allTrue = (keys: readonly string[]) =>
  `jsonb_build_object(${keys.map((k) => `${lit(k)}, true`).join(', ')})`;

/**
 * The milestones of a case in order, each the event that reaches it: k = 1 opens the case, 7 identifies the
 * household, 12 eliminates its risk. A case at milestone P has passed 1..P; a rejected case's P-th is a
 * rejection (by the township at 6, by the county at 7).
 */
const MILESTONES: [number, string, string | null, string, 'community' | 'township' | 'county'][] = [
  [1, 'open', null, 'verification', 'community'],
  [2, 'verify', 'verification', 'comparison', 'community'],
  [3, 'compare', 'comparison', 'community_review', 'community'],
  [4, 'publish_notice', 'community_review', 'community_review', 'community'],
  [5, 'approve', 'community_review', 'township_review', 'community'],
  [6, 'approve', 'township_review', 'county_approval', 'township'],
  [7, 'approve', 'county_approval', 'assisted', 'county'],
  [8, 'propose_elimination', 'assisted', 'elimination_community', 'community'],
  [9, 'publish_notice', 'elimination_community', 'elimination_community', 'community'],
  [10, 'approve', 'elimination_community', 'elimination_township', 'community'],
  [11, 'approve', 'elimination_township', 'elimination_county', 'township'],
  [12, 'approve', 'elimination_county', 'eliminated', 'county'],
];

/** Days from milestone k to k + 1 (k = 0: from the lead to opening): [least, spread]. */
const GAPS: [number, number][] = [
  [0.1, 1.5],
  [1, 3],
  [0.5, 2],
  [0.1, 1],
  [NOTICE_DAYS + 0.1, 1.5],
  [0.5, 2.5],
  [0.5, 2.5],
  [190, 150],
  [0.1, 1],
  [NOTICE_DAYS + 0.1, 1.5],
  [0.5, 3],
  [0.5, 3],
];

/** Which milestone a step stands at (community review and elimination: with or without the notice up). */
const PROGRESS = `(CASE step WHEN 'verification' THEN 1 WHEN 'comparison' THEN 2
  WHEN 'community_review' THEN CASE WHEN U('notice') < 0.7 THEN 4 ELSE 3 END
  WHEN 'township_review' THEN 5 WHEN 'county_approval' THEN 6 WHEN 'assisted' THEN 7
  WHEN 'elimination_community' THEN CASE WHEN U('notice') < 0.6 THEN 9 ELSE 8 END
  WHEN 'elimination_township' THEN 10 WHEN 'elimination_county' THEN 11 WHEN 'eliminated' THEN 12
  ELSE CASE WHEN U('reject') < 0.6 THEN 6 ELSE 7 END END)`;

/** Days since the case reached where it stands; a fifth of the open ones are stuck past their deadline. */
const SINCE = `(CASE WHEN rejected OR progress = 12 THEN 3 + 360 * U('since')
  WHEN progress = 7 THEN 5 + 420 * U('since')
  WHEN U('stuck') < 0.2 THEN 6 + 10 * U('since')
  ELSE g[progress + 1] * U('since') END)`;

const actorOf = (role: string) =>
  `(SELECT u.id FROM users u JOIN user_scopes us ON us.user_id = u.id JOIN places sp ON sp.id = us.place_id
     WHERE ${lit(role)} = ANY(u.roles) AND x.residence_path LIKE sp.path || '%' ORDER BY u.id LIMIT 1)`;

/** The plan: one row a household with a case, where it stands and when each milestone happened. */
function planSql(inCommunities: string, seed: number, now: Date, shares: { flagged: number; past: number }) {
  const U = (salt: string) =>
    `(('x' || substr(md5(household_id::text || ${lit(salt)} || '${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  const u = (text: string) => text.replace(/U\('([a-z0-9_]+)'\)/g, (_, s: string) => U(s));
  const nowTs = `${lit(now.toISOString())}::timestamptz`;
  const offsets = MILESTONES.map((_, k) =>
    k === 0
      ? '0'
      : `(${MILESTONES.slice(0, k)
          .map((m) => `g[${m[0] + 1}]`)
          .join(' + ')})`,
  );
  return `
    CREATE TEMP TABLE case_plan ON COMMIT DROP AS
    -- each step materialised: inlined, every use of the gaps and times would compute them again
    WITH pool AS (
      SELECT h.id AS household_id, h.residence_path, h.origin_path, h.poverty_status, h.head_name,
             CASE WHEN h.poverty_status = 'monitored' THEN 'monitored'
                  WHEN l.id IS NOT NULL THEN 'flagged' ELSE 'past' END AS grp,
             l.id AS lead, l.source AS lead_source, l.rule_version AS lead_rule_version,
             bool_or(p.labour_capacity <> 'none') AS has_labour,
             bool_or(p.health = 'serious_illness') AS ill, bool_or(p.disability_grade IS NOT NULL) AS disabled
        FROM households h
        JOIN persons p ON p.household_id = h.id AND p.status = 'living'
        LEFT JOIN monitoring_leads l ON l.household_id = h.id AND l.status = 'open'
       WHERE h.status = 'active' AND ${inCommunities}
         AND NOT EXISTS (SELECT 1 FROM monitoring_cases c WHERE c.household_id = h.id)
       GROUP BY h.id, l.id),
    chosen AS (
      SELECT pool.* FROM pool
       WHERE grp = 'monitored' OR ${U('pick')} < CASE grp WHEN 'flagged' THEN ${shares.flagged} ELSE ${shares.past} END),
    ranked AS (
      SELECT chosen.*, (row_number() OVER w - 0.5) / count(*) OVER (PARTITION BY grp) AS position
        FROM chosen
      -- households without labour stay assisted, and the past cases that ended in elimination had labour
      WINDOW w AS (PARTITION BY grp ORDER BY has_labour = (grp = 'past') DESC, ${U('fate')}, household_id)),
    stepped AS MATERIALIZED (
      SELECT household_id, residence_path, origin_path, poverty_status, head_name,
             CASE WHEN grp = 'flagged' THEN lead END AS open_lead,
             CASE WHEN grp = 'flagged' THEN lead_rule_version END AS open_rule_version,
             CASE grp WHEN 'flagged' THEN ${pick('position', IDENTIFICATION_MIX)}
                      WHEN 'monitored' THEN ${pick('position', MONITORED_MIX)}
                      ELSE ${pick('position', PAST_MIX)} END AS step,
             ${oncePoorSql(U)} AS once_poor,
             ${categorySql(U, oncePoorSql(U))} AS category,
             CASE WHEN ill AND ${U('hint')} < 0.8 THEN 'illness'
                  WHEN disabled AND ${U('hint')} < 0.8 THEN 'disability'
                  WHEN NOT has_labour AND ${U('hint')} < 0.6 THEN 'lack_of_labour'
                  ELSE ${pick(U('risk1'), RISK_MIX)} END AS risk1,
             CASE WHEN ${U('two')} < 0.3 THEN ${pick(U('risk2'), RISK_MIX)} END AS risk2,
             CASE WHEN grp = 'flagged' THEN lead_source ELSE ${pick(U('source'), SOURCE_MIX)} END AS source,
             ARRAY[${GAPS.map(([least, spread], k) => `${least} + ${spread} * ${U(`gap${k}`)}`).join(', ')}]::float8[] AS g
        FROM ranked),
    placed AS MATERIALIZED (
      SELECT s.*, ${u(PROGRESS)} AS progress, s.step = 'not_identified' AS rejected FROM stepped s),
    timed AS MATERIALIZED (
      SELECT p.*, ${nowTs} - (${u(SINCE)} + (ARRAY[${offsets.join(', ')}])[progress]) * interval '1 day' AS t1
        FROM placed p)
    SELECT x.household_id, x.residence_path, x.origin_path, x.poverty_status, x.head_name, x.open_lead,
           x.open_rule_version, x.step, x.progress, x.rejected, x.once_poor, x.category, x.source,
           CASE WHEN x.risk2 IS NULL OR x.risk2 = x.risk1 THEN ARRAY[x.risk1] ELSE ARRAY[x.risk1, x.risk2] END AS risks,
           x.t1 - g[1] * interval '1 day' AS lead_at,
           ARRAY[${offsets.map((o) => plus('x.t1', o)).join(', ')}] AS t,
           ${U('fingerprint')} < 0.3 AS fingerprint,
           ${U('civil')} < 0.15 AS civil_affairs_hit,
           ${actorOf('community_staff')} AS community_actor,
           ${actorOf('township_officer')} AS township_actor,
           ${actorOf('county_admin')} AS county_actor,
           NULL::bigint AS lead_id, NULL::bigint AS case_id
      FROM timed x`;
}

/** Turns the open leads of the households in identification into theirs; raises the others' leads. */
function leadsSql() {
  const notes = mapped('risks[1]', LEAD_NOTES);
  const prefix = mapped('source', SOURCE_PREFIX);
  return [
    `UPDATE monitoring_leads l SET status = 'case', created_at = p.lead_at FROM case_plan p WHERE l.id = p.open_lead`,
    `UPDATE case_plan SET lead_id = open_lead WHERE open_lead IS NOT NULL`,
    `WITH ins AS (
       INSERT INTO monitoring_leads (household_id, source, status, year, flags, rule_version, detail, created_by, created_at)
       SELECT household_id, source, CASE WHEN rejected THEN 'dismissed' ELSE 'case' END,
              CASE WHEN source = 'screening' THEN extract(year FROM ${CHINA('lead_at')})::int - 1 END,
              CASE WHEN source = 'screening' THEN ARRAY['income_drop'] ELSE '{}'::text[] END,
              CASE WHEN source = 'screening' THEN (SELECT max(version) FROM screening_rule_sets) END,
              CASE WHEN source = 'screening' THEN '{}'::jsonb
                   ELSE jsonb_build_object('notes', jsonb_build_array(jsonb_build_object(
                          'source', source, 'text', ${prefix} || ${notes}, 'at', lead_at))) END,
              CASE WHEN source = 'visit' THEN community_actor END, lead_at
         FROM case_plan WHERE open_lead IS NULL ORDER BY lead_at, household_id
       RETURNING id, household_id)
     UPDATE case_plan p SET lead_id = ins.id FROM ins WHERE ins.household_id = p.household_id`,
  ];
}

const NOTICE_FROM = (k: number) => `(CASE WHEN progress = ${k} THEN ${dayOf(`t[${k}]`)} END)`;

function casesSql() {
  const verification = `jsonb_build_object('items', ${allTrue(VERIFICATION_ITEMS)},
      'consent', jsonb_build_object('signedBy', head_name, 'signedOn', to_char(${CHINA('t[2]')}, 'YYYY-MM-DD'),
                                    'form', CASE WHEN fingerprint THEN 'fingerprint' ELSE 'signature' END),
      'category', category, 'riskTypes', to_jsonb(risks), 'note', '')`;
  const hits = COMPARISON_CHECKS.map((c) =>
    c === 'civil_affairs'
      ? `'civil_affairs', civil_affairs_hit`
      : c === 'medical_insurance'
        ? `'medical_insurance', 'illness' = ANY(risks)`
        : `${lit(c)}, false`,
  );
  // identification steps are due by the clock from the lead, the others from when they are reached
  const due = (step: (typeof IDENTIFICATION_STEPS)[number] | keyof typeof STEP_DAYS, from: string) => {
    const i = IDENTIFICATION_STEPS.indexOf(step as (typeof IDENTIFICATION_STEPS)[number]);
    if (i < 0) return plus(from, STEP_DAYS[step]);
    return plus(
      'lead_at',
      IDENTIFICATION_STEPS.slice(0, i + 1).reduce((n, s) => n + STEP_DAYS[s], 0),
    );
  };
  const noticeFrom = `coalesce(${NOTICE_FROM(4)}, ${NOTICE_FROM(9)})`;
  return `
    WITH ins AS (
      INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, category, risk_types,
                                    rule_version, verification, comparison, basic_needs, prior_status, step_due_at,
                                    decision_due_at, notice_from, notice_until, opened_at, identified_at,
                                    assisted_since, closed_at, version)
      SELECT household_id, lead_id, residence_path, origin_path, step,
             CASE WHEN progress >= 2 THEN category END,
             CASE WHEN progress >= 2 THEN risks ELSE '{}'::text[] END,
             CASE WHEN open_lead IS NOT NULL THEN open_rule_version
                  WHEN source = 'screening' THEN (SELECT max(version) FROM screening_rule_sets) END,
             CASE WHEN progress >= 2 THEN ${verification} END,
             CASE WHEN progress >= 3 THEN jsonb_build_object('hits', jsonb_build_object(${hits.join(', ')}), 'note', '') END,
             CASE WHEN progress >= 8 AND NOT rejected THEN ${allTrue(BASIC_NEEDS)} END,
             CASE WHEN progress < 7 OR rejected THEN NULL ELSE ${priorStatusSql('once_poor')} END,
             CASE WHEN rejected THEN NULL
                  WHEN progress = 1 THEN ${due('verification', 't[1]')}
                  WHEN progress = 2 THEN ${due('comparison', 't[2]')}
                  WHEN progress = 3 THEN ${due('community_review', 't[3]')}
                  WHEN progress = 4 THEN ${due('community_review', 't[3]')}
                  WHEN progress = 5 THEN ${due('township_review', 't[5]')}
                  WHEN progress = 6 THEN ${due('county_approval', 't[6]')}
                  WHEN progress IN (8, 9) THEN ${due('elimination_community', 't[8]')}
                  WHEN progress = 10 THEN ${due('elimination_township', 't[10]')}
                  WHEN progress = 11 THEN ${due('elimination_county', 't[11]')} END,
             ${plus('lead_at', DECISION_DAYS)},
             ${noticeFrom}, ${noticeFrom} + ${NOTICE_DAYS - 1},
             t[1],
             CASE WHEN progress >= 7 AND NOT rejected THEN t[7] END,
             CASE WHEN progress >= 7 AND NOT rejected THEN t[7] END,
             CASE WHEN rejected OR progress = 12 THEN t[progress] END,
             progress
        FROM case_plan ORDER BY t[1], household_id
      RETURNING id, household_id)
    UPDATE case_plan p SET case_id = ins.id FROM ins WHERE ins.household_id = p.household_id`;
}

function eventsSql() {
  const values = MILESTONES.map(
    ([k, action, from, to, owner]) =>
      `(${k}, ${lit(action)}, ${from ? lit(from) : 'NULL'}, ${lit(to)}, ${lit(owner)})`,
  ).join(', ');
  const notice = (k: number) =>
    `jsonb_build_object('noticeFrom', to_char(${dayOf(`p.t[${k}]`)}, 'YYYY-MM-DD'),
                        'noticeUntil', to_char(${dayOf(`p.t[${k}]`)} + ${NOTICE_DAYS - 1}, 'YYYY-MM-DD'),
                        'noticeDays', ${NOTICE_DAYS})`;
  const rejecting = `(p.rejected AND m.k = p.progress)`;
  return `
    INSERT INTO monitoring_case_events (case_id, action, from_step, to_step, actor_id, reason, data, at)
    SELECT p.case_id, CASE WHEN ${rejecting} THEN 'reject' ELSE m.action END, m.from_step,
           CASE WHEN ${rejecting} THEN 'not_identified' ELSE m.to_step END,
           CASE m.owner WHEN 'community' THEN p.community_actor WHEN 'township' THEN p.township_actor
                        ELSE p.county_actor END,
           CASE WHEN ${rejecting} THEN ${lit(REJECT_REASON)} END,
           CASE WHEN ${rejecting} THEN '{}'::jsonb
                WHEN m.k = 1 THEN jsonb_build_object('leadId', p.lead_id::text)
                WHEN m.k = 2 THEN jsonb_build_object('verification', c.verification)
                WHEN m.k = 3 THEN jsonb_build_object('comparison', c.comparison)
                WHEN m.k = 4 THEN ${notice(4)}
                WHEN m.k = 8 THEN jsonb_build_object('basicNeeds', c.basic_needs)
                WHEN m.k = 9 THEN ${notice(9)}
                ELSE '{}'::jsonb END,
           p.t[m.k]
      FROM case_plan p JOIN monitoring_cases c ON c.id = p.case_id
      JOIN (VALUES ${values}) m(k, action, from_step, to_step, owner) ON m.k <= p.progress
     ORDER BY p.case_id, m.k`;
}

function measuresSql(seed: number) {
  const uniform = (key: string, salt: string) =>
    `(('x' || substr(md5(${key} || ${lit(salt)} || '${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  /** Uniform per measure, and per case. */
  const U = (salt: string) => uniform(`p.household_id::text || '-' || n`, salt);
  const Uc = (salt: string) => uniform('p.household_id::text', salt);
  const terms = Object.entries(MEASURES)
    .map(
      ([type, m]) =>
        `(${lit(type)}, ${lit(m.providerKind)}, ${lit(m.providerName)}, ${lit(m.description)}, ${lit(m.outcome)},
          ${m.amount ? m.amount.join(', ') : 'NULL::int, NULL::int, NULL::int'}, ${m.oneOff}, ${m.outlivesElimination})`,
    )
    .join(', ');
  const today = dayOf('now()');
  return `
    WITH picked AS (
      SELECT p.case_id, p.community_actor, p.progress, n,
             CASE WHEN n = 1 AND ${U('fit')} < 0.6 THEN coalesce(${mapped('p.risks[1]', FITTING_MEASURE)}, ${pick(U('type'), MEASURE_MIX)})
                  ELSE ${pick(U('type'), MEASURE_MIX)} END AS type,
             least(${dayOf(plus('p.t[7]', `(n - 1) * 20 + 20 * ${U('start')}`))}, ${today}) AS start_on,
             CASE WHEN p.progress = 12 THEN ${dayOf('p.t[12]')} END AS closed_on,
             ${U('amount')} AS ua, (60 + 240 * ${U('length')})::int AS days
        FROM case_plan p
        CROSS JOIN LATERAL generate_series(1, 1 + (${Uc('second')} < 0.6)::int + (${Uc('third')} < 0.25)::int) n
       WHERE p.progress >= 7 AND NOT p.rejected),
    ended AS (
      SELECT x.*, c.*,
             CASE WHEN c.one_off AND x.start_on + x.days < ${today} THEN x.start_on + x.days END AS own_end
        FROM picked x
        JOIN (VALUES ${terms}) c(kind, provider_kind, provider_name, description, outcome, least_amount, spread,
                                  round_to, one_off, outlives) ON c.kind = x.type)
    INSERT INTO assistance_measures (case_id, type, provider_kind, provider_name, description, start_on, end_on,
                                     amount, outcome, outlives_elimination, created_by)
    SELECT case_id, type, provider_kind, provider_name, description, start_on, e.end_on,
           round((least_amount + spread * ua) / round_to) * round_to,
           CASE WHEN e.end_on IS NOT NULL THEN outcome ELSE '' END, outlives, community_actor
      FROM ended
      CROSS JOIN LATERAL (SELECT CASE WHEN closed_on IS NOT NULL AND NOT outlives
                                      THEN least(coalesce(own_end, closed_on), closed_on)
                                      ELSE own_end END AS end_on) e
     ORDER BY case_id, n`;
}

const monitoredSql = `
  UPDATE households h SET poverty_status = 'monitored'
    FROM case_plan p WHERE h.id = p.household_id AND p.progress BETWEEN 7 AND 11 AND NOT p.rejected`;

async function run(tx: Tx, text: string) {
  return (await tx.execute(sql.raw(text))).rows as Record<string, unknown>[];
}

/**
 * Monitoring cases for a share of the generated communities' households, at every step of the
 * procedure, with the leads they came from (open screening leads become the cases in identification),
 * every event, the assistance measures of identified households and the monitored status. Dated over
 * the past year or so back from `now` (by default the start of the current hour), set-based.
 */
export function casesSeederWith(opts: { now?: Date } = {}): Seeder {
  return defineSeeder({
    name: 'cases',
    dependsOn: ['monitoring', 'demo-accounts'],
    async run(ctx) {
      const ids = ctx.places.communities.map((c) => c.id);
      if (ids.length === 0) return;
      const now = opts.now ?? new Date(Math.floor(Date.now() / HOUR) * HOUR);
      const inCommunities = await inCommunitiesCondition(ctx.database, ids);
      const [pool] = await ctx.database.query<{ households: number; flagged: number; monitored: number }>(
        `SELECT count(*)::int AS households, count(*) FILTER (WHERE h.poverty_status = 'monitored')::int AS monitored,
                count(l.id) FILTER (WHERE h.poverty_status <> 'monitored')::int AS flagged
           FROM households h LEFT JOIN monitoring_leads l ON l.household_id = h.id AND l.status = 'open'
          WHERE h.status = 'active' AND ${inCommunities}`,
      );
      const past = pool.households - pool.flagged - pool.monitored;
      const shares = {
        flagged: Math.min(1, (IN_IDENTIFICATION * pool.households) / Math.max(pool.flagged, 1)),
        past: Math.min(1, (PAST_CASES * pool.households) / Math.max(past, 1)),
      };
      const steps = await ctx.database.db.transaction(async (tx) => {
        await run(tx, planSql(inCommunities, ctx.seed, now, shares));
        for (const text of leadsSql()) await run(tx, text);
        await run(tx, casesSql());
        await run(tx, eventsSql());
        await run(tx, measuresSql(ctx.seed));
        await run(tx, monitoredSql);
        return run(tx, `SELECT step, count(*)::int AS n FROM case_plan GROUP BY step ORDER BY n DESC`);
      });
      ctx.log(`cases: ${steps.map((s) => `${String(s.n)} ${String(s.step)}`).join(', ')}`);
    },
  });
}

export const casesSeeder = casesSeederWith();
