import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { underSql } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { PathMove } from '../places/places.service.ts';
import { rows } from './registry.sql.ts';

/** The longest prefix ending in '/' shared by every move's source, so the index narrows the scan. */
function commonPrefix(moves: PathMove[]): string {
  let prefix = moves[0].from;
  for (const m of moves) while (!m.from.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

const movesSql = (moves: PathMove[]) =>
  sql`(SELECT unnest(${pgArray(moves.map((m) => m.from))}::text[]) AS from_path,
              unnest(${pgArray(moves.map((m) => m.to))}::text[]) AS to_path)`;

/** `column` (of the row being rewritten) lies under a move's source, within the moves' common prefix. */
const movedSql = (column: string, within: string) =>
  sql`${underSql(sql.raw(column), [within])} AND left(${sql.raw(column)}, length(m.from_path)) = m.from_path`;

/**
 * Rewrites the residence paths of the households under `moves` in one statement, each with a new
 * version and a history row `event`; returns how many moved.
 */
export async function rebaseHouseholds(
  tx: Conn,
  ctx: Ctx,
  moves: PathMove[],
  event: { name: string; changes: Record<string, unknown> },
): Promise<number> {
  const [h] = await rows<{ n: number }>(
    tx,
    sql`WITH moved AS (
          UPDATE households h SET
            residence_path = m.to_path || substr(h.residence_path, length(m.from_path) + 1),
            version = h.version + 1, updated_at = now()
          FROM ${movesSql(moves)} m
          WHERE ${movedSql('h.residence_path', commonPrefix(moves))}
          RETURNING h.id, h.version),
        logged AS (
          INSERT INTO registry_history (household_id, event, version, changes, event_date, actor_id, actor_name)
          SELECT id, ${event.name}, version, ${JSON.stringify(event.changes)}::jsonb, current_date,
                 ${ctx.actor.userId}, ${ctx.actor.username}
            FROM moved
          RETURNING 1)
        SELECT count(*)::int AS n FROM logged`,
  );
  return h.n;
}

/** Rewrites the residence paths of the persons under `moves` in one statement; returns how many moved. */
export async function rebasePersons(tx: Conn, moves: PathMove[]): Promise<number> {
  const [p] = await rows<{ n: number }>(
    tx,
    sql`WITH moved AS (
          UPDATE persons p SET
            residence_path = m.to_path || substr(p.residence_path, length(m.from_path) + 1), updated_at = now()
          FROM ${movesSql(moves)} m
          WHERE ${movedSql('p.residence_path', commonPrefix(moves))}
          RETURNING 1)
        SELECT count(*)::int AS n FROM moved`,
  );
  return p.n;
}

/** Rewrites hukou and origin paths naming a moved place (rare: a building as hukou address). */
export async function rebaseRegistration(tx: Conn, moves: PathMove[]) {
  const m = movesSql(moves);
  const within = commonPrefix(moves);
  await tx.execute(sql`
    UPDATE persons p SET hukou_path = m.to_path || substr(p.hukou_path, length(m.from_path) + 1)
      FROM ${m} m WHERE ${movedSql('p.hukou_path', within)}`);
  await tx.execute(sql`
    UPDATE households h SET origin_path = m.to_path || substr(h.origin_path, length(m.from_path) + 1)
      FROM ${m} m WHERE ${movedSql('h.origin_path', within)}`);
}

/** Active households under `parentPath`, counted per child place of it (grids of a community). */
export async function householdsPerChild(conn: Conn, parentPath: string): Promise<Map<number, number>> {
  const found = await rows<{ child: string; n: number }>(
    conn,
    sql`SELECT split_part(substr(residence_path, ${parentPath.length + 1}), '/', 1) AS child, count(*)::int AS n
          FROM households WHERE ${underSql(sql.raw('residence_path'), [parentPath])} AND status = 'active'
         GROUP BY 1`,
  );
  return new Map(found.map((r) => [Number(r.child), r.n]));
}

export interface HouseholdRef {
  id: number;
  household_no: string;
  head_name: string;
  dwelling_id: number | null;
  dwelling: string;
}

/**
 * Active households living under `path`: all, those of `ids` or `dwellingIds`, or those for which `unless` (a
 * correlated condition on `h`, e.g. a link to them) finds nothing — an anti-join.
 */
export async function householdsUnder(
  conn: Conn,
  path: string,
  opts: { ids?: number[]; dwellingIds?: number[]; unless?: SQL; limit?: number } = {},
): Promise<HouseholdRef[]> {
  return rows<HouseholdRef>(
    conn,
    sql`SELECT h.id, h.household_no, h.head_name, h.dwelling_id, COALESCE(d.name, '') AS dwelling
          FROM households h LEFT JOIN places d ON d.id = h.dwelling_id
         WHERE ${underSql(sql.raw('h.residence_path'), [path])} AND h.status = 'active'
           ${opts.ids ? sql`AND h.id = ANY(${pgArray(opts.ids)}::bigint[])` : sql``}
           ${opts.dwellingIds ? sql`AND h.dwelling_id = ANY(${pgArray(opts.dwellingIds)}::bigint[])` : sql``}
           ${opts.unless ? sql`AND NOT EXISTS (${opts.unless})` : sql``}
         ORDER BY h.residence_path, h.id
         ${opts.limit ? sql`LIMIT ${opts.limit}` : sql``}`,
  );
}

/** Counts what householdsUnder would return. */
export async function countHouseholdsUnder(conn: Conn, path: string, unless?: SQL): Promise<number> {
  const [row] = await rows<{ n: number }>(
    conn,
    sql`SELECT count(*)::int AS n FROM households h
         WHERE ${underSql(sql.raw('h.residence_path'), [path])} AND h.status = 'active'
           ${unless ? sql`AND NOT EXISTS (${unless})` : sql``}`,
  );
  return row.n;
}

/** Of `ids`, the living party members (person.party_member) residing under `path`, with names. */
export async function partyMembersUnder(conn: Conn, path: string, ids: number[]) {
  return rows<{ id: number; name: string }>(
    conn,
    sql`SELECT id, name FROM persons
         WHERE id = ANY(${pgArray(ids)}::bigint[]) AND party_member AND status = 'living'
           AND ${underSql(sql.raw('residence_path'), [path])}`,
  );
}

/** Names of persons, for presenting party members. */
export async function personNames(conn: Conn, ids: number[]) {
  return rows<{ id: number; name: string }>(
    conn,
    sql`SELECT id, name FROM persons WHERE id = ANY(${pgArray(ids)}::bigint[])`,
  );
}

/** A household's number, head and residence, for modules that act on households (visits). */
export async function householdResidence(conn: Conn, id: number) {
  const [row] = await rows<{
    id: number;
    household_no: string;
    head_name: string;
    residence_path: string;
    status: string;
  }>(conn, sql`SELECT id, household_no, head_name, residence_path, status FROM households WHERE id = ${id}`);
  return row;
}
