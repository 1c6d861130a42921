import { sql } from 'drizzle-orm';
import { screenInto } from '../modules/monitoring/screening.service.ts';
import { defineSeeder } from './registry.ts';
import { inCommunitiesCondition } from './in-communities.ts';

/** The last full year of incomes, and the year before it. */
export const INCOME_YEAR = 2025;
/** The provinces' monitoring lines (yuan per person a year) for those years. */
const LINES: [number, number][] = [
  [INCOME_YEAR - 1, 7300],
  [INCOME_YEAR, 7600],
];

/** A uniform number in [0, 1) from a household id and a salt: the same for the same seed. */
const uniform = (salt: string) =>
  `(('x' || substr(md5(h.id || '${salt}' || $1::text), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Two years of household incomes (per-capita net income log-normal around 13,000 yuan, about 13,500 on
 * average as DOMAIN.md says, four fifths from wages; households without anyone able to work earn a
 * quarter less; one in sixteen lost a fifth to a half of last year's income; a few large medical bills),
 * the provinces' monitoring lines, and a screening of every household under the default rules.
 */
export const monitoringSeeder = defineSeeder({
  name: 'monitoring',
  dependsOn: ['persons', 'incidents'],
  async run(ctx) {
    const { database } = ctx;
    const communityIds = ctx.places.communities.map((c) => c.id);
    if (communityIds.length === 0) return;
    await database.query(
      `INSERT INTO monitoring_lines (year, place_id, amount)
       SELECT y.year, p.id, y.amount
         FROM (SELECT DISTINCT split_part(path, '/', 2)::bigint AS id FROM places WHERE id = ANY($1::int8[])) p
        CROSS JOIN unnest($2::int[], $3::int[]) y(year, amount)
       ON CONFLICT (year, place_id) DO NOTHING`,
      [communityIds, LINES.map((l) => l[0]), LINES.map((l) => l[1])],
    );
    const inCommunities = await inCommunitiesCondition(database, communityIds);
    const normal = `sqrt(-2 * ln(1 - ${uniform('a')})) * cos(2 * pi() * ${uniform('b')})`;
    await database.query(
      `INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
                                      production_costs, medical_expense, schooling_expense, member_count)
       SELECT id, y, 'year', round(net * 0.8), round(net * 0.08), round(net * 0.02), round(net * 0.12),
              round(net * 0.02),
              CASE WHEN big_bill THEN 20000 + round(u * 60000) ELSE round(u * 2000) END,
              CASE WHEN u > 0.7 THEN round(u * 3000) ELSE 0 END, members
         FROM (SELECT b.id, b.members, b.big_bill, b.u, y.y,
                      CASE WHEN y.y = $2 THEN b.net WHEN b.fell THEN b.net / (0.5 + b.u * 0.3)
                           ELSE b.net * (0.88 + b.u * 0.24) END AS net
                 FROM (SELECT h.id, greatest(h.member_count, 1) AS members,
                              ${uniform('c')} < 0.0625 AS fell, ${uniform('d')} < 0.03 AS big_bill, ${uniform('e')} AS u,
                              greatest(h.member_count, 1) * exp(ln(13000) + 0.28 * ${normal})
                                * CASE WHEN EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id
                                                      AND p.status = 'living' AND p.labour_capacity <> 'none')
                                       THEN 1 ELSE 0.75 END AS net
                         FROM households h
                        WHERE h.status = 'active'
                          AND ${inCommunities}) b
                CROSS JOIN (VALUES ($2::int), ($2::int - 1)) y(y)) x
       ON CONFLICT DO NOTHING`,
      [ctx.seed, INCOME_YEAR],
    );
    const { outcome } = await database.db.transaction((tx) =>
      screenInto(
        tx,
        { where: sql`h.id IN (SELECT household_id FROM household_incomes WHERE year = ${INCOME_YEAR})` },
        INCOME_YEAR,
        new Date(),
        null,
      ),
    );
    ctx.log(
      `monitoring: incomes of ${outcome.screened} households for ${INCOME_YEAR - 1}–${INCOME_YEAR}, ${outcome.new_leads} leads`,
    );
  },
});
