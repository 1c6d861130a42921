import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { reachingSql } from '../../platform/access/scope.ts';

export interface LineRow {
  id: number;
  year: number;
  place_id: number;
  place_name: string;
  place_level: string;
  amount: number;
  source: string;
}

const SELECT = sql`SELECT l.id, l.year, l.place_id, p.name AS place_name, p.level AS place_level, l.amount, l.source
                     FROM monitoring_lines l JOIN places p ON p.id = l.place_id`;

/**
 * Lines that apply inside `roots`: set within them or for a region containing them (of a year, if
 * given), latest year first, then from the widest region down.
 */
export const linesApplying = (conn: Conn, roots: string[], year?: number) =>
  rows<LineRow>(
    conn,
    sql`${SELECT}
         WHERE ${reachingSql(sql`p.path`, roots)} ${year ? sql`AND l.year = ${year}` : sql``}
         ORDER BY l.year DESC, length(p.path), p.name`,
  );

/** One line with its place's name and level. */
export async function lineById(conn: Conn, id: number): Promise<LineRow | undefined> {
  const [row] = await rows<LineRow>(conn, sql`${SELECT} WHERE l.id = ${id}`);
  return row;
}

/** The level and path of a place, to check where a line may be set. */
export async function placeOf(conn: Conn, id: number): Promise<{ level: string; path: string } | undefined> {
  const [place] = await rows<{ level: string; path: string }>(
    conn,
    sql`SELECT level, path FROM places WHERE id = ${id}`,
  );
  return place;
}

/** Sets the line of a year for a place with its source, replacing one already set; returns its id and the amount before. */
export async function upsertLine(conn: Conn, year: number, placeId: number, amount: number, source: string) {
  const [saved] = await rows<{ id: number; before: number | null }>(
    conn,
    sql`WITH old AS (SELECT amount FROM monitoring_lines WHERE year = ${year} AND place_id = ${placeId})
        INSERT INTO monitoring_lines (year, place_id, amount, source) VALUES (${year}, ${placeId}, ${amount}, ${source})
        ON CONFLICT (year, place_id) DO UPDATE SET amount = EXCLUDED.amount, source = EXCLUDED.source
        RETURNING id, (SELECT amount FROM old) AS before`,
  );
  return saved;
}
