import { pgArray } from '../../db/array.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { ScreeningRules } from '@anju/contracts';
import { eitherSideSql, underSql } from '../../platform/access/scope.ts';

/**
 * Which households a screening looks at: one (after an income update) or those matching a condition
 * on `h`. `most` says the condition holds for most households: each set is then read whole, as for
 * the nation, rather than only for the households in scope.
 */
export type Target = { householdId: number } | { where: SQL; most?: boolean };

/** `/1/2/` → `/1/20`: the first path after every path starting with `/1/2/`. */
const pastPrefix = (p: string) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);

/** Up to this many places each get their own range of paths; more share one range around them all. */
const OWN_RANGES = 4;

/**
 * Households whose residence or origin lies under one of `paths` (dual jurisdiction, as
 * `householdsVisibleSql`), cheap per household however many the paths: the path's first characters
 * looked up in one hashed list per prefix length, instead of two LIKEs per path. Ranges of paths come
 * first, so that a small scope is read from the path indexes.
 */
export function underAny(paths: string[]): SQL {
  if (paths.length === 0) return sql`false`;
  const ranges: [string, string][] =
    paths.length <= OWN_RANGES
      ? paths.map((p) => [p, pastPrefix(p)])
      : [[paths.reduce((a, b) => (a < b ? a : b)), paths.map(pastPrefix).reduce((a, b) => (a > b ? a : b))]];
  const inRange = ranges.flatMap(([lo, hi]) => [
    sql`(h.residence_path ~>=~ ${lo} AND h.residence_path ~<~ ${hi})`,
    sql`(h.origin_path ~>=~ ${lo} AND h.origin_path ~<~ ${hi})`,
  ]);
  const byLength = new Map<number, string[]>();
  for (const p of paths) byLength.set(p.length, [...(byLength.get(p.length) ?? []), p]);
  const lookups = [...byLength].flatMap(([length, group]) => {
    const list = `{${group.map((p) => `"${p}"`).join(',')}}`;
    return [
      sql`left(h.residence_path, ${length}::int) = ANY(${list}::text[])`,
      sql`left(h.origin_path, ${length}::int) = ANY(${list}::text[])`,
    ];
  });
  return sql`(${sql.join(inRange, sql` OR `)}) AND (${sql.join(lookups, sql` OR `)})`;
}

/**
 * The households of a screening run: those under the actor's `roots` from either side and, when a
 * place is chosen, under its path from either side too.
 */
export function scopeTarget(roots: string[], under: string | null): { where: SQL } {
  const narrowed = under
    ? sql`AND ${eitherSideSql([under], sql`h.residence_path`, sql`h.origin_path`)}`
    : sql``;
  return { where: sql`${underAny(roots)} ${narrowed}` };
}

/**
 * The target split by the region whose rules apply: the households of each region with rules of its
 * own (`path`) less those of a deeper one, and those under none (no `path`: the national default).
 */
export function byRegion(target: { where: SQL }, regions: string[]): { path?: string; where: SQL }[] {
  const residence = sql`h.residence_path`;
  return [...regions, undefined].map((region) => {
    const deeper = regions.filter((r) => r !== region && (region === undefined || r.startsWith(region)));
    const inRegion = region === undefined ? sql`true` : underSql(residence, [region]);
    return {
      path: region,
      where: sql`(${target.where}) AND ${inRegion} AND NOT ${underSql(residence, deeper)}`,
    };
  });
}

/** Health changes that make a member newly seriously ill or disabled, as registry history records them. */
const NEWLY_ILL = sql.raw(`(r.changes->'health'->>1 IN ('serious_illness', 'disabled')
     OR (r.changes ? 'disabilityGrade' AND r.changes->'disabilityGrade'->>0 IS NULL AND r.changes->'disabilityGrade'->>1 IS NOT NULL))`);

/** A rule that asks whether the household appears in a set: the rows of `from` whose `household_id` matches. */
interface SetRule {
  flag: string;
  /** FROM … WHERE … with a `household_id` column, without the household condition. */
  from: SQL;
  column: string;
  /** Flag when the household is in the set (true) or missing from it (false). */
  present: boolean;
}

/**
 * One statement computing every enabled rule's flag for the target households in a year, built from
 * the rules as data: parameters are bound values, a disabled rule contributes nothing. Two shapes of
 * the same conditions: for many households each set is a `DISTINCT household_id` subquery joined once
 * (hash joins), read whole when the target is most households and otherwise only for the households
 * of the target (semi-join sized from the table's statistics); for one household each set is an
 * `EXISTS` probe of an index, so the statement is cheap to plan as well as to run. It only reads, so
 * PostgreSQL may share the work between parallel workers. The line of a household is its county's,
 * else its city's, else its province's for that year. Columns: household_id, flags (text[]),
 * per_capita_net, line.
 */
export function screeningSql(rules: ScreeningRules, year: number, target: Target, now: Date): SQL {
  const since = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const line = sql`inc_line.amount`;
  const flags: SQL[] = [];
  const sets: SetRule[] = [];

  if (rules.income_below_line.enabled)
    flags.push(sql`CASE WHEN inc.per_capita_net < ${line} THEN 'income_below_line' END`);
  if (rules.income_near_line.enabled)
    flags.push(sql`CASE WHEN inc.per_capita_net >= ${line}
                         AND inc.per_capita_net < ${line} * ${rules.income_near_line.factor}::numeric
                        THEN 'income_near_line' END`);
  if (rules.income_drop.enabled)
    flags.push(sql`CASE WHEN prev.per_capita_net > 0
                         AND inc.per_capita_net < prev.per_capita_net * (1 - ${rules.income_drop.percent}::numeric / 100)
                        THEN 'income_drop' END`);
  if (rules.rigid_expense.enabled)
    flags.push(sql`CASE WHEN inc.medical_expense + inc.schooling_expense > 0
                         AND inc.medical_expense + inc.schooling_expense
                             > greatest(inc.net_income, 0) * ${rules.rigid_expense.percent}::numeric / 100
                        THEN 'rigid_expense' END`);
  if (rules.new_illness_disability.enabled)
    sets.push({
      flag: 'new_illness_disability',
      from: sql`registry_history r WHERE r.person_id IS NOT NULL
                 AND r.at >= ${since(rules.new_illness_disability.days)}::timestamptz AND ${NEWLY_ILL}`,
      column: 'r.household_id',
      present: true,
    });
  if (rules.no_labour.enabled)
    sets.push({
      flag: 'no_labour',
      from: sql`persons p WHERE p.status = 'living' AND p.labour_capacity IN ('full', 'partial')`,
      column: 'p.household_id',
      present: false,
    });
  if (rules.disaster_incident.enabled && rules.disaster_incident.categories.length > 0)
    sets.push({
      flag: 'disaster_incident',
      from: sql`incidents i WHERE i.category_code = ANY(${pgArray(rules.disaster_incident.categories)}::text[])
                 AND i.reported_at >= ${since(rules.disaster_incident.days)}::timestamptz`,
      column: 'i.household_id',
      present: true,
    });

  const one = 'householdId' in target;
  const joins: SQL[] = [];
  for (const [i, s] of sets.entries()) {
    const name = sql.raw(`set${i}`);
    const column = sql.raw(s.column);
    if (one) {
      const probe = sql`EXISTS (SELECT 1 FROM ${s.from} AND ${column} = h.id)`;
      flags.push(sql`CASE WHEN ${s.present ? sql`` : sql`NOT`} ${probe} THEN ${s.flag} END`);
    } else {
      const within = target.most
        ? sql``
        : sql`AND ${column} IN (SELECT h.id FROM households h WHERE ${target.where})`;
      joins.push(sql`LEFT JOIN (SELECT DISTINCT ${column} AS household_id FROM ${s.from} ${within}) ${name}
                       ON ${name}.household_id = h.id`);
      flags.push(
        sql`CASE WHEN ${name}.household_id IS ${s.present ? sql`NOT NULL` : sql`NULL`} THEN ${s.flag} END`,
      );
    }
  }

  const placeAt = (part: number) => sql`nullif(split_part(h.residence_path, '/', ${part}), '')::bigint`;
  const lineJoin = one
    ? sql`LEFT JOIN LATERAL (SELECT amount FROM monitoring_lines
                              WHERE year = ${year} AND place_id IN (${placeAt(4)}, ${placeAt(3)}, ${placeAt(2)})
                              ORDER BY array_position(ARRAY[${placeAt(4)}, ${placeAt(3)}], place_id) NULLS LAST
                              LIMIT 1) inc_line ON true`
    : sql`LEFT JOIN monitoring_lines lk ON lk.year = ${year} AND lk.place_id = ${placeAt(4)}
          LEFT JOIN monitoring_lines lc ON lc.year = ${year} AND lc.place_id = ${placeAt(3)}
          LEFT JOIN monitoring_lines lp ON lp.year = ${year} AND lp.place_id = ${placeAt(2)}
          CROSS JOIN LATERAL (SELECT coalesce(lk.amount, lc.amount, lp.amount) AS amount) inc_line`;
  const flagArray = flags.length
    ? sql`array_remove(ARRAY[${sql.join(flags, sql`, `)}]::text[], NULL)`
    : sql`'{}'::text[]`;
  return sql`SELECT h.id AS household_id, ${flagArray} AS flags, inc.per_capita_net, ${line} AS line
      FROM households h
      LEFT JOIN household_incomes inc ON inc.household_id = h.id AND inc.year = ${year} AND inc.period = 'year'
      LEFT JOIN household_incomes prev ON prev.household_id = h.id AND prev.year = ${year - 1} AND prev.period = 'year'
      ${lineJoin}
      ${sql.join(joins, sql` `)}
     WHERE h.status = 'active' AND ${one ? sql`h.id = ${target.householdId}` : target.where}`;
}
