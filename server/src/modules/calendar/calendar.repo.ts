import { sql } from 'drizzle-orm';
import type { CalendarDay } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface CalendarRow {
  id: number;
  place_id: number | null;
  place_name: string | null;
  year: number;
  source: string;
  version: number;
  days: CalendarDay[];
}

const CALENDAR = sql`SELECT c.id, c.place_id, p.name AS place_name, c.year, c.source, c.version,
    coalesce((SELECT json_agg(json_build_object('day', to_char(d.day, 'YYYY-MM-DD'), 'kind', d.kind, 'name', d.name)
                              ORDER BY d.day)
                FROM holiday_calendar_days d WHERE d.calendar_id = c.id), '[]') AS days
  FROM holiday_calendars c LEFT JOIN places p ON p.id = c.place_id`;

/**
 * The calendar of `year` in force at `path`: the one of the deepest place on the path that keeps its
 * own, else the national one — the same choice as the database's working_day_end.
 */
export async function inForce(conn: Conn, path: string, year: number): Promise<CalendarRow | undefined> {
  const [r] = await rows<CalendarRow>(
    conn,
    sql`${CALENDAR}
         WHERE c.year = ${year} AND (c.place_id IS NULL OR position('/' || c.place_id || '/' IN ${path}) > 0)
         ORDER BY p.depth DESC NULLS LAST LIMIT 1`,
  );
  return r;
}

export async function placeOf(
  conn: Conn,
  id: number,
): Promise<{ id: number; level: string; path: string; name: string } | undefined> {
  const [place] = await rows<{ id: number; level: string; path: string; name: string }>(
    conn,
    sql`SELECT id, level, path, name FROM places WHERE id = ${id}`,
  );
  return place;
}

/** The place's own calendar of the year, locked for an edit. */
export async function ownForUpdate(conn: Conn, placeId: number, year: number) {
  const [r] = await rows<{ id: number; version: number }>(
    conn,
    sql`SELECT id, version FROM holiday_calendars WHERE place_id = ${placeId} AND year = ${year} FOR UPDATE`,
  );
  return r;
}

/** Writes the place's own calendar of the year whole, as the next version; the calendar's id. */
export async function replace(
  conn: Conn,
  placeId: number,
  year: number,
  source: string,
  days: CalendarDay[],
): Promise<number> {
  const [c] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO holiday_calendars (place_id, year, source, version) VALUES (${placeId}, ${year}, ${source}, 1)
        ON CONFLICT (coalesce(place_id, 0), year)
        DO UPDATE SET source = excluded.source, version = holiday_calendars.version + 1, updated_at = now()
        RETURNING id`,
  );
  await conn.execute(sql`DELETE FROM holiday_calendar_days WHERE calendar_id = ${c.id}`);
  if (days.length)
    await conn.execute(sql`
      INSERT INTO holiday_calendar_days (calendar_id, day, kind, name)
      SELECT ${c.id}, d.day::date, d.kind, d.name
        FROM jsonb_to_recordset(${JSON.stringify(days)}::jsonb) AS d(day text, kind text, name text)`);
  return Number(c.id);
}
