import { sql } from 'drizzle-orm';
import { recompute } from '../modules/employment/zero.repo.ts';
import { raiseForWatched } from '../modules/monitoring/leads.repo.ts';
import { norms } from '../platform/norms.ts';
import { inCommunitiesCondition } from './in-communities.ts';
import { defineSeeder } from './registry.ts';

/** Households in or near monitoring that lost their only job lately, for each community of the demo. */
export const JOB_LOSSES_PER_COMMUNITY = 2;

/**
 * A few households in or near monitoring whose only member in work lost the job in the last weeks:
 * the job ended with its history, the household flagged zero-employment, and a monitoring lead from
 * the employment records with the unstable-employment risk, as the change through Anju would leave them.
 */
export const jobLossSeeder = defineSeeder({
  name: 'job-loss',
  dependsOn: ['employment', 'monitored-incomes'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const inCommunities = sql.raw(await inCommunitiesCondition(ctx.database, ids));
    const on = new Date().toISOString().slice(0, 10);
    const current = sql`(r.end_on IS NULL OR r.end_on >= ${on}::date)`;
    const done = await ctx.database.db.transaction(async (db) => {
      await db.execute(sql`CREATE TEMP TABLE seed_job_losses ON COMMIT DROP AS
      SELECT household_id, record_id FROM (
        SELECT h.id AS household_id, min(r.id) AS record_id,
               row_number() OVER (ORDER BY md5(h.id::text || ${String(ctx.seed)})) AS nth
          FROM households h JOIN persons p ON p.household_id = h.id AND p.status = 'living'
          JOIN employment_records r ON r.person_id = p.id AND ${current}
         WHERE h.status = 'active' AND ${inCommunities}
           AND (h.poverty_status = 'monitored'
                OR EXISTS (SELECT 1 FROM monitoring_leads s WHERE s.household_id = h.id AND s.source = 'screening'
                              AND s.flags && '{income_below_line,income_near_line}'::text[]))
           AND NOT EXISTS (SELECT 1 FROM monitoring_leads o WHERE o.household_id = h.id AND o.status = 'open')
         GROUP BY h.id
        HAVING count(*) = 1) c
      WHERE nth <= ${JOB_LOSSES_PER_COMMUNITY * ids.length}`);
      const back = sql.raw(
        `(3 + floor(('x' || substr(md5(r.id::text || '${ctx.seed}'), 1, 8))::bit(32)::bigint / 4294967296.0 * 25)::int)`,
      );
      await db.execute(sql`
      WITH ended AS (
        UPDATE employment_records r SET end_on = greatest(r.start_on, ${on}::date - ${back}), version = r.version + 1
          FROM seed_job_losses j WHERE r.id = j.record_id
        RETURNING r.id, r.version, to_char(r.end_on, 'YYYY-MM-DD') AS end_on)
      INSERT INTO employment_history (record_id, event, version, changes, actor_name)
      SELECT id, 'end', version, jsonb_build_object('endOn', jsonb_build_array(null::text, end_on)), '网格员' FROM ended`);
      const theirs = sql`h.id IN (SELECT household_id FROM seed_job_losses)`;
      const [days] = await norms(db, 'zero_employment_clearing_days');
      const zero = await recompute(db, theirs, on, days);
      const entry = JSON.stringify([
        {
          source: 'employment',
          text: '家中唯一在岗人员的工作已结束，家中已无人在岗',
          reasons: ['unstable_employment'],
          by: 'seed',
          at: new Date().toISOString(),
        },
      ]);
      const leads = await raiseForWatched(db, theirs, 'employment', entry, null, Number(on.slice(0, 4)));
      return { leads: leads.length, flagged: zero.flagged };
    });
    ctx.log(`job losses: ${done.leads} monitoring leads, ${done.flagged} zero-employment households`);
  },
});
