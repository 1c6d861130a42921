import type { ImportCounts } from '@anju/contracts';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { rows } from '../../../db/rows.ts';

const household = (key: string) => `jsonb_build_object('household', ${key})`;

const agree = (column: string, header: string) =>
  `SELECT first_row, '${header}', 'household.disagree', ${household('key')}
     FROM k WHERE min_${column} IS DISTINCT FROM max_${column}`;

/**
 * The others of a group as `name` (the first five, then …) and `count`: a file with thousands of
 * one value must not square its report.
 */
const others = (name: string, all: string, self: string) =>
  `jsonb_build_object('${name}', array_to_string((array_remove(${all}, ${self}))[1:5], ', ')
     || CASE WHEN cardinality(${all}) > 6 THEN ', …' ELSE '' END, 'count', cardinality(${all}) - 1)`;

const HOUSEHOLD_COLUMNS: [string, string][] = [
  ['dwelling_id', '住房代码'],
  ['origin_village_id', '迁出村代码'],
  ['relocation_year', '搬迁年份'],
  ['resettlement_type', '安置方式'],
  ['poverty_status', '户类型'],
];

/**
 * Checks across rows, set-based on the staged rows of import `$1`: duplicate ID numbers within the
 * file, one head per household (counting registered members the file leaves as they are), members
 * of one registered household, one dwelling per household and a free one for a new household.
 */
const CHECKS = `
WITH k AS (
  SELECT household_key AS key, min(row_no) AS first_row,
         count(*) FILTER (WHERE relation = 'head') AS heads,
         min(household_id) AS target, max(household_id) AS max_target,
         min(occupant_id) AS occupant, min(household_dwelling_id) AS target_dwelling,
         ${HOUSEHOLD_COLUMNS.map(([c]) => `min(${c}) AS min_${c}, max(${c}) AS max_${c}`).join(', ')}
    FROM registry_import_rows WHERE import_id = $1 GROUP BY household_key),
kept AS (
  SELECT p.household_id, count(*) AS heads
    FROM persons p LEFT JOIN registry_import_rows s ON s.import_id = $1 AND s.person_id = p.id
   WHERE p.household_id IN (SELECT target FROM k WHERE target IS NOT NULL)
     AND p.relation = 'head' AND p.status = 'living' AND s.row_no IS NULL
   GROUP BY p.household_id),
heads AS (
  SELECT k.key, k.first_row, k.heads + coalesce(kept.heads, 0) AS n FROM k LEFT JOIN kept ON kept.household_id = k.target),
shared AS (
  SELECT min_dwelling_id AS dwelling, array_agg(key ORDER BY first_row) AS keys
    FROM k WHERE min_dwelling_id IS NOT NULL GROUP BY min_dwelling_id HAVING count(*) > 1),
duplicates AS (
  SELECT id_hash, array_agg(row_no ORDER BY row_no) AS rows
    FROM registry_import_rows WHERE import_id = $1 AND id_hash IS NOT NULL GROUP BY id_hash HAVING count(*) > 1),
problems (row_no, col, reason, params) AS (
  SELECT s.row_no, '身份证号', 'duplicate.in_file', ${others('rows', 'd.rows', 's.row_no')}
    FROM duplicates d JOIN registry_import_rows s ON s.import_id = $1 AND s.id_hash = d.id_hash
  UNION ALL
  SELECT first_row, '与户主关系', 'household.no_head', ${household('key')} FROM heads WHERE n = 0
  UNION ALL
  SELECT s.row_no, '与户主关系', 'household.heads', jsonb_build_object('household', h.key, 'count', h.n)
    FROM heads h JOIN registry_import_rows s ON s.import_id = $1 AND s.household_key = h.key AND s.relation = 'head'
   WHERE h.n > 1
  UNION ALL
  SELECT first_row, '身份证号', 'household.split', ${household('key')}
    FROM k WHERE target <> max_target
  UNION ALL
  ${HOUSEHOLD_COLUMNS.map(([c, h]) => agree(c, h)).join('\n  UNION ALL\n  ')}
  UNION ALL
  SELECT first_row, '住房代码', 'dwelling.moved', ${household('key')}
    FROM k WHERE target IS NOT NULL AND min_dwelling_id <> target_dwelling
  UNION ALL
  SELECT first_row, '住房代码', 'dwelling.occupied', '{}'::jsonb
    FROM k WHERE target IS NULL AND occupant IS NOT NULL
  UNION ALL
  SELECT k.first_row, '住房代码', 'dwelling.shared', ${others('households', 'sh.keys', 'k.key')}
    FROM shared sh JOIN k ON k.min_dwelling_id = sh.dwelling)
INSERT INTO registry_import_errors (import_id, row_no, "column", reason, params)
SELECT $1, row_no, col, reason, params FROM problems`;

/**
 * Runs the checks across rows, marks bad rows and the households holding them, and counts: one
 * transaction, with room to hash and sort a province's rows in memory and no JIT compilation (it
 * took longer than the statements it compiled).
 */
export async function checkHouseholds(database: Database, importId: number): Promise<ImportCounts> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`);
    // freshly COPY'd: without statistics the planner joins millions of rows in nested loops; only the
    // columns the checks and the commit join and group on, the others cost the most to analyse
    await tx.execute(sql`ANALYZE registry_import_rows (import_id, household_key, id_hash, person_id)`);
    await tx.execute(sql.raw(CHECKS.replaceAll('$1', String(importId))));
    const [errors] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM registry_import_errors WHERE import_id = ${importId}`,
    );
    if (errors.n > 0) {
      await tx.execute(sql`UPDATE registry_import_rows SET bad = true
        WHERE import_id = ${importId} AND NOT bad
          AND row_no IN (SELECT row_no FROM registry_import_errors WHERE import_id = ${importId})`);
      await tx.execute(sql`UPDATE registry_import_rows SET skip = true
        WHERE import_id = ${importId}
          AND household_key IN (SELECT household_key FROM registry_import_rows WHERE import_id = ${importId} AND bad)`);
    }
    const [counts] = await rows<ImportCounts>(
      tx,
      sql`SELECT count(*)::int AS rows, count(*) FILTER (WHERE NOT bad)::int AS valid,
                 count(*) FILTER (WHERE bad)::int AS invalid, count(*) FILTER (WHERE skip)::int AS skipped,
                 count(*) FILTER (WHERE NOT skip AND person_id IS NULL)::int AS "newPersons",
                 count(*) FILTER (WHERE NOT skip AND person_id IS NOT NULL)::int AS updates,
                 count(DISTINCT household_key) FILTER (WHERE NOT skip)::int AS households
            FROM registry_import_rows WHERE import_id = ${importId}`,
    );
    return counts;
  });
}
