import { sql } from 'drizzle-orm';
import type { MonitoringLine } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { assertLinePlace } from './monitoring.policy.ts';

interface LineRow {
  id: number;
  year: number;
  place_id: number;
  place_name: string;
  place_level: string;
  amount: number;
}

const present = (r: LineRow): MonitoringLine => ({
  id: String(r.id),
  year: r.year,
  placeId: String(r.place_id),
  placeName: r.place_name,
  placeLevel: r.place_level,
  amount: r.amount,
});

/** Lines that apply inside the caller's scope: set within it or for a region containing it. */
function applying(actor: Actor) {
  if (actor.scopes.length === 0) return sql`false`;
  const parts = actor.scopes.map((s) => sql`(p.path LIKE ${s.path + '%'} OR ${s.path} LIKE p.path || '%')`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export async function listLines(database: Database, ctx: Ctx, year?: number): Promise<MonitoringLine[]> {
  const byYear = year ? sql`AND l.year = ${year}` : sql``;
  const found = await rows<LineRow>(
    database.db,
    sql`SELECT l.id, l.year, l.place_id, p.name AS place_name, p.level AS place_level, l.amount
          FROM monitoring_lines l JOIN places p ON p.id = l.place_id
         WHERE ${applying(ctx.actor)} ${byYear}
         ORDER BY l.year DESC, length(p.path), p.name`,
  );
  return found.map(present);
}

/** Sets the line of a year for a region (a second setting of the same year and region replaces it). Audited. */
export async function setLine(
  database: Database,
  ctx: Ctx,
  input: { year: number; placeId: string; amount: number },
): Promise<MonitoringLine> {
  return database.db.transaction(async (tx) => {
    const [place] = await rows<{ level: string; path: string }>(
      tx,
      sql`SELECT level, path FROM places WHERE id = ${Number(input.placeId)}`,
    );
    assertLinePlace(ctx.actor, place);
    const [saved] = await rows<{ id: number; before: number | null }>(
      tx,
      sql`WITH old AS (SELECT amount FROM monitoring_lines WHERE year = ${input.year} AND place_id = ${Number(input.placeId)})
          INSERT INTO monitoring_lines (year, place_id, amount) VALUES (${input.year}, ${Number(input.placeId)}, ${input.amount})
          ON CONFLICT (year, place_id) DO UPDATE SET amount = EXCLUDED.amount
          RETURNING id, (SELECT amount FROM old) AS before`,
    );
    await audit(tx, ctx, {
      action: 'monitoring.line',
      targetType: 'place',
      targetId: input.placeId,
      detail: { year: input.year, from: saved.before, to: input.amount },
    });
    const [row] = await rows<LineRow>(
      tx,
      sql`SELECT l.id, l.year, l.place_id, p.name AS place_name, p.level AS place_level, l.amount
            FROM monitoring_lines l JOIN places p ON p.id = l.place_id WHERE l.id = ${saved.id}`,
    );
    return present(row);
  });
}
