import { INCOME_YEAR } from './monitoring-seeder.ts';
import { defineSeeder } from './registry.ts';
import { inCommunitiesCondition } from './in-communities.ts';

/** Unstable and marginal households above the line: rising, not yet stably enough to be eliminated. */
export const ABOVE_LINE_SHARE = 0.1;

const uniform = (salt: string) =>
  `(('x' || substr(md5(c.household_id || '${salt}' || $1::text), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Last year's incomes of the households identified or being identified as at risk, made to fit their
 * category: an unstable or marginal household at 55–99 % of the monitoring line (one in ten a little
 * above it, up to 115 %); a household in sudden hardship at 60–140 % of it, and one above the line
 * carries a large rigid expenditure (medical bills) that leaves it under the line once paid. Households
 * whose risk is being eliminated or was eliminated keep the incomes that let them out.
 */
export const monitoredIncomesSeeder = defineSeeder({
  name: 'monitored-incomes',
  dependsOn: ['cases'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const inCommunities = await inCommunitiesCondition(ctx.database, ids);
    const ratio = `CASE WHEN c.category = 'sudden_hardship' THEN 0.6 + 0.8 * ${uniform('level')}
                        WHEN ${uniform('above')} < ${ABOVE_LINE_SHARE} THEN 1.0 + 0.15 * ${uniform('level')}
                        ELSE 0.55 + 0.44 * ${uniform('level')} END`;
    const fitted = await ctx.database.query<{ household_id: number }>(
      `WITH target AS (
         SELECT c.household_id, c.category, i.member_count,
                round(m.amount * (${ratio}) * greatest(i.member_count, 1)) AS net, m.amount AS line
           FROM monitoring_cases c
           JOIN households h ON h.id = c.household_id
           JOIN household_incomes i ON i.household_id = c.household_id AND i.year = $2
           JOIN monitoring_lines m ON m.year = $2 AND m.place_id = split_part(h.residence_path, '/', 2)::bigint
          WHERE c.category IS NOT NULL AND h.status = 'active' AND ${inCommunities}
            AND c.step IN ('comparison', 'community_review', 'township_review', 'county_approval', 'assisted'))
       UPDATE household_incomes i
          SET wage = round(t.net * 0.8), operating = round(t.net * 0.08), property = round(t.net * 0.02),
              transfer = round(t.net * 0.12), production_costs = round(t.net * 0.02),
              medical_expense = CASE WHEN t.net > t.line * greatest(t.member_count, 1)
                                     THEN greatest(20000, round(t.net - 0.7 * t.line * greatest(t.member_count, 1)))
                                     ELSE i.medical_expense END
         FROM target t
        WHERE i.household_id = t.household_id AND i.year = $2
       RETURNING i.household_id`,
      [ctx.seed, INCOME_YEAR],
    );
    ctx.log(`monitored incomes: ${fitted.length} households' ${INCOME_YEAR} incomes fit their category`);
  },
});
