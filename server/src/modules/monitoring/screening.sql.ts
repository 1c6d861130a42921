import { sql, type SQL } from 'drizzle-orm';
import type { ScreeningRules } from '@anju/contracts';

/** Which households a screening looks at: one (after an income update) or those matching a condition on `h`. */
export type Target = { householdId: number } | { where: SQL };

/** Health changes that make a member newly seriously ill or disabled, as registry history records them. */
const NEWLY_ILL = sql.raw(`(r.changes->'health'->>1 IN ('serious_illness', 'disabled')
     OR (r.changes ? 'disabilityGrade' AND r.changes->'disabilityGrade'->>0 IS NULL AND r.changes->'disabilityGrade'->>1 IS NOT NULL))`);

/**
 * One statement computing every enabled rule's flag for the target households in a year, built from
 * the rules as data: the parameters are bound values, a disabled rule contributes no join. The line
 * of a household is its county's, else its city's, else its province's for that year.
 * Columns: household_id, flags (text[]), per_capita_net, line.
 */
export function screeningSql(rules: ScreeningRules, year: number, target: Target, now: Date): SQL {
  const one = 'householdId' in target;
  const h = one ? sql`h.id = ${target.householdId}` : target.where;
  const byHousehold = (column: string) =>
    one ? sql`${sql.raw(column)} = ${target.householdId}` : sql`${sql.raw(column)} IN (SELECT id FROM h)`;
  const since = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

  const ctes: SQL[] = [
    sql`h AS MATERIALIZED (SELECT h.id, h.residence_path FROM households h WHERE h.status = 'active' AND ${h})`,
    sql`inc AS (SELECT household_id, per_capita_net, net_income, medical_expense + schooling_expense AS rigid
                  FROM household_incomes WHERE year = ${year} AND period = 'year' AND ${byHousehold('household_id')})`,
    sql`line AS (SELECT place_id, amount FROM monitoring_lines WHERE year = ${year})`,
  ];
  const joins: SQL[] = [
    sql`LEFT JOIN inc ON inc.household_id = h.id`,
    sql`LEFT JOIN line lk ON lk.place_id = split_part(h.residence_path, '/', 4)::bigint`,
    sql`LEFT JOIN line lc ON lc.place_id = split_part(h.residence_path, '/', 3)::bigint`,
    sql`LEFT JOIN line lp ON lp.place_id = split_part(h.residence_path, '/', 2)::bigint`,
  ];
  const lineOf = sql`coalesce(lk.amount, lc.amount, lp.amount)`;
  const flags: SQL[] = [];

  if (rules.income_below_line.enabled)
    flags.push(sql`CASE WHEN inc.per_capita_net < ${lineOf} THEN 'income_below_line' END`);
  if (rules.income_near_line.enabled)
    flags.push(sql`CASE WHEN inc.per_capita_net >= ${lineOf}
                         AND inc.per_capita_net < ${lineOf} * ${rules.income_near_line.factor}::numeric
                        THEN 'income_near_line' END`);
  if (rules.income_drop.enabled) {
    ctes.push(sql`prev AS (SELECT household_id, per_capita_net FROM household_incomes
                            WHERE year = ${year - 1} AND period = 'year' AND ${byHousehold('household_id')})`);
    joins.push(sql`LEFT JOIN prev ON prev.household_id = h.id`);
    flags.push(sql`CASE WHEN prev.per_capita_net > 0
                         AND inc.per_capita_net < prev.per_capita_net * (1 - ${rules.income_drop.percent}::numeric / 100)
                        THEN 'income_drop' END`);
  }
  if (rules.rigid_expense.enabled)
    flags.push(sql`CASE WHEN inc.rigid > 0
                         AND inc.rigid > greatest(inc.net_income, 0) * ${rules.rigid_expense.percent}::numeric / 100
                        THEN 'rigid_expense' END`);
  if (rules.new_illness_disability.enabled) {
    ctes.push(sql`ill AS (SELECT DISTINCT r.household_id FROM registry_history r
                           WHERE ${byHousehold('r.household_id')} AND r.person_id IS NOT NULL
                             AND r.at >= ${since(rules.new_illness_disability.days)}::timestamptz AND ${NEWLY_ILL})`);
    joins.push(sql`LEFT JOIN ill ON ill.household_id = h.id`);
    flags.push(sql`CASE WHEN ill.household_id IS NOT NULL THEN 'new_illness_disability' END`);
  }
  if (rules.no_labour.enabled) {
    ctes.push(sql`able AS (SELECT DISTINCT p.household_id FROM persons p
                            WHERE ${byHousehold('p.household_id')} AND p.status = 'living'
                              AND p.labour_capacity IN ('full', 'partial'))`);
    joins.push(sql`LEFT JOIN able ON able.household_id = h.id`);
    flags.push(sql`CASE WHEN able.household_id IS NULL THEN 'no_labour' END`);
  }
  if (rules.disaster_incident.enabled && rules.disaster_incident.categories.length > 0) {
    ctes.push(sql`hit AS (SELECT DISTINCT i.household_id FROM incidents i
                           WHERE ${byHousehold('i.household_id')}
                             AND i.category_code = ANY(${`{${rules.disaster_incident.categories.join(',')}}`}::text[])
                             AND i.reported_at >= ${since(rules.disaster_incident.days)}::timestamptz)`);
    joins.push(sql`LEFT JOIN hit ON hit.household_id = h.id`);
    flags.push(sql`CASE WHEN hit.household_id IS NOT NULL THEN 'disaster_incident' END`);
  }

  const flagArray = flags.length
    ? sql`array_remove(ARRAY[${sql.join(flags, sql`, `)}]::text[], NULL)`
    : sql`'{}'::text[]`;
  return sql`WITH ${sql.join(ctes, sql`, `)}
    SELECT h.id AS household_id, ${flagArray} AS flags, inc.per_capita_net, ${lineOf} AS line
      FROM h ${sql.join(joins, sql` `)}`;
}
