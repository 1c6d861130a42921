import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { underSql } from '../../platform/access/scope.ts';
import { currentSql, employedSql, labourForceSql } from './employment.sql.ts';

/** The child place at `depth` a path lies under (null for a path ending above it). */
const childOf = (path: SQL, depth: number) => sql`nullif(split_part(${path}, '/', ${depth + 2}), '')::bigint`;

/** Rows of one figure group: the whole place (`total`) and each child place holding any. */
interface Grouped {
  total: boolean;
  child_id: number | null;
}

export interface PeopleFigureRow extends Grouped {
  labour_force: number;
  employed: number;
  exported_in: number;
  exported_out: number;
  workshop: number;
  post: number;
}

/** The kinds of a person's (`p`) records current on `on`, as flags. */
const jobsOf = (on: string | SQL, startedBy?: SQL) =>
  sql`LEFT JOIN LATERAL (
        SELECT true AS employed,
               bool_or(r.kind = 'export_in_province') AS exported_in,
               bool_or(r.kind = 'export_out_of_province') AS exported_out,
               bool_or(r.kind = 'workshop') AS workshop,
               bool_or(r.kind = 'public_welfare_post') AS post
          FROM employment_records r
         WHERE r.person_id = p.id AND ${currentSql(on)} ${startedBy ? sql`AND r.start_on <= ${startedBy}` : sql``}
        HAVING count(*) > 0) j ON true`;

/** The labour force living under `path` in active households and how it works today, in total and by child place. */
export const peopleFigures = (conn: Conn, path: string, childDepth: number, on: string) =>
  rows<PeopleFigureRow>(
    conn,
    sql`SELECT grouping(x.child_id) = 1 AS total, x.child_id, count(*)::int AS labour_force,
               count(*) FILTER (WHERE x.employed)::int AS employed,
               count(*) FILTER (WHERE x.exported_in)::int AS exported_in,
               count(*) FILTER (WHERE x.exported_out)::int AS exported_out,
               count(*) FILTER (WHERE x.workshop)::int AS workshop,
               count(*) FILTER (WHERE x.post)::int AS post
          FROM (SELECT ${childOf(sql.raw('p.residence_path'), childDepth)} AS child_id, j.*
                  FROM persons p JOIN households h ON h.id = p.household_id AND h.status = 'active'
                  ${jobsOf(on)}
                 WHERE ${underSql(sql.raw('p.residence_path'), [path])} AND ${labourForceSql(on)}) x
         GROUP BY GROUPING SETS ((), (x.child_id))`,
  );

export interface HouseholdFigureRow extends Grouped {
  with_labour: number;
  with_employed: number;
}

/** Active households under `path` with labour, and those of them with someone employed today. */
export const householdFigures = (conn: Conn, path: string, childDepth: number, on: string) =>
  rows<HouseholdFigureRow>(
    conn,
    sql`SELECT grouping(x.child_id) = 1 AS total, x.child_id, count(*)::int AS with_labour,
               count(*) FILTER (WHERE x.employed)::int AS with_employed
          FROM (SELECT ${childOf(sql.raw('h.residence_path'), childDepth)} AS child_id,
                       EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.status = 'living'
                                  AND ${employedSql(on)}) AS employed
                  FROM households h
                 WHERE h.status = 'active' AND ${underSql(sql.raw('h.residence_path'), [path])}
                   AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND ${labourForceSql(on)})) x
         GROUP BY GROUPING SETS ((), (x.child_id))`,
  );

export interface ZeroFigureRow extends Grouped {
  open: number;
  days_to_clear: string | number | null;
}

/** Zero-employment households under `path` open now, and the average days those cleared since `since` took. */
export const zeroFigures = (conn: Conn, path: string, childDepth: number, since: string) =>
  rows<ZeroFigureRow>(
    conn,
    sql`SELECT grouping(x.child_id) = 1 AS total, x.child_id,
               count(*) FILTER (WHERE x.cleared_on IS NULL AND x.active)::int AS open,
               round(avg(x.cleared_on - x.flagged_on) FILTER (WHERE x.cleared_on >= ${since}::date), 1) AS days_to_clear
          FROM (SELECT ${childOf(sql.raw('h.residence_path'), childDepth)} AS child_id, z.flagged_on, z.cleared_on,
                       h.status = 'active' AS active
                  FROM zero_employment_households z JOIN households h ON h.id = z.household_id
                 WHERE ${underSql(sql.raw('h.residence_path'), [path])}) x
         GROUP BY GROUPING SETS ((), (x.child_id))`,
  );

export interface MonthRow {
  month: string;
  labour_force: number;
  employed: number;
  exported: number;
  workshop_and_post: number;
}

/**
 * The 12 months to `on`, each as of its last day (`on` for the current one): the labour force living
 * under `path` and who held a job then, from the records' start and end dates. A person's labour
 * capacity in a month is the one they had then: the value a later change in the registry history
 * replaced (the first change after the month's day), else today's.
 */
export const monthlyTrend = (conn: Conn, path: string, on: string) => {
  const under = underSql(sql.raw('p.residence_path'), [path]);
  return rows<MonthRow>(
    conn,
    sql`WITH m AS (
          SELECT to_char(d, 'YYYY-MM') AS month,
                 least((d + interval '1 month' - interval '1 day')::date, ${on}::date) AS day
            FROM generate_series(date_trunc('month', ${on}::date) - interval '11 months',
                                 date_trunc('month', ${on}::date), interval '1 month') d),
        was AS (
          SELECT DISTINCT ON (rh.person_id, m.day) rh.person_id, m.day,
                 rh.changes -> 'labourCapacity' ->> 0 AS capacity
            FROM persons p
            JOIN registry_history rh ON rh.person_id = p.id AND rh.changes ? 'labourCapacity'
            JOIN m ON rh.at >= m.day + 1
           WHERE ${under}
           ORDER BY rh.person_id, m.day, rh.id),
        lf AS (
          SELECT m.month, p.id
            FROM m
            JOIN persons p ON ${under}
            JOIN households h ON h.id = p.household_id AND h.status = 'active'
            LEFT JOIN was w ON w.person_id = p.id AND w.day = m.day
           WHERE ${labourForceSql(sql.raw('m.day'), sql`coalesce(w.capacity, p.labour_capacity)`)})
        SELECT m.month, count(p.id)::int AS labour_force,
               count(*) FILTER (WHERE j.employed)::int AS employed,
               count(*) FILTER (WHERE j.exported_in OR j.exported_out)::int AS exported,
               count(*) FILTER (WHERE j.workshop OR j.post)::int AS workshop_and_post
          FROM m
          LEFT JOIN lf p ON p.month = m.month
          ${jobsOf(sql.raw('m.day'), sql.raw('m.day'))}
         GROUP BY m.month ORDER BY m.month`,
  );
};

/** The places right below `placeId`, by name. */
export const childrenOf = (conn: Conn, placeId: number) =>
  rows<{ id: number; name: string; level: string }>(
    conn,
    sql`SELECT id, name, level FROM places WHERE parent_id = ${placeId} ORDER BY code, name, id`,
  );
