import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { underSql } from '../../platform/access/scope.ts';
import { gridsOf } from './grids.repo.ts';

/** Every grid of a community, whoever asks: the site map marks the caller's own. */
export const allGridsOf = (conn: Conn, communityId: number) => gridsOf(conn, communityId, sql`true`);

/** The buildings of a community with where they stand, and the grid each lies in. */
export async function buildingsUnder(conn: Conn, communityPath: string) {
  const found = await conn.execute(sql`
    SELECT b.id, b.name, b.lng, b.lat, b.version, g.id AS grid_id
      FROM places b LEFT JOIN places g ON g.id = b.parent_id AND g.level = 'grid'
     WHERE ${underSql(sql.raw('b.path'), [communityPath])} AND b.level = 'building'
     ORDER BY b.code, b.id`);
  return found.rows as {
    id: number;
    name: string;
    lng: number | null;
    lat: number | null;
    version: number;
    grid_id: number | null;
  }[];
}
