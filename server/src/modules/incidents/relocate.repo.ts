import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import type { PathMove } from '../places/places.service.ts';
import { rows } from './incidents.sql.ts';

/**
 * After places moved (re-gridding), incidents under them follow: their place paths are rewritten and
 * open ones handled by a grid pass to the grid they now lie in. Returns how many moved.
 */
export async function rebase(tx: Conn, moves: PathMove[]): Promise<number> {
  if (moves.length === 0) return 0;
  const moved = await rows<{ id: number }>(
    tx,
    sql`WITH m AS (SELECT unnest(${pgArray(moves.map((x) => x.from))}::text[]) AS from_path,
                          unnest(${pgArray(moves.map((x) => x.to))}::text[]) AS to_path)
        UPDATE incidents i SET place_path = m.to_path || substr(i.place_path, length(m.from_path) + 1)
          FROM m WHERE left(i.place_path, length(m.from_path)) = m.from_path
        RETURNING i.id`,
  );
  if (moved.length === 0) return 0;
  await tx.execute(sql`
    UPDATE incidents i SET handling_place_id = g.id, version = i.version + 1
      FROM places g
     WHERE i.id = ANY(${pgArray(moved.map((r) => Number(r.id)))}::bigint[])
       AND i.level = 0 AND i.status NOT IN ('closed', 'recalled')
       AND g.level = 'grid' AND g.id = ANY(string_to_array(trim(both '/' from i.place_path), '/')::bigint[])
       AND i.handling_place_id <> g.id`);
  return moved.length;
}
