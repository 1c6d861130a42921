import type { Database } from '../server/src/db/client.ts';

interface Shape {
  townships: number;
  communities: number;
  grids: number;
  buildings: number;
  dwellings: number;
}

interface Node {
  id: number;
  path: string;
}

/** A synthetic county, level by level in set-based SQL: one INSERT … SELECT and one UPDATE a level. */
export async function buildTree(database: Database, shape: Shape) {
  const one = async (parent: Node | null, level: string, code: string, name: string): Promise<Node> => {
    const [row] = await database.query<Node>(
      `INSERT INTO places (parent_id, level, code, name, path, depth, child_count)
       VALUES ($1, $2, $3, $4, 'x', $5, 1) RETURNING id`,
      [parent?.id ?? null, level, code, name, parent ? parent.path.split('/').length - 2 : 0],
    );
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await database.query('UPDATE places SET path = $1 WHERE id = $2', [path, row.id]);
    return { id: row.id, path };
  };
  const province = await one(null, 'province', '990000000000', '基准省');
  const city = await one(province, 'city', '990100000000', '基准市');
  const county = await one(city, 'county', '990101000000', '基准县');
  const levels: [string, number][] = [
    ['township', shape.townships],
    ['community', shape.communities],
    ['grid', shape.grids],
    ['building', shape.buildings],
    ['dwelling', shape.dwellings],
  ];
  let parentLevel = 'county';
  for (const [level, n] of levels) {
    await database.query(
      `INSERT INTO places (parent_id, level, code, name, path, depth, child_count)
       SELECT p.id, $2::varchar, p.code || '-' || g, $2::text || ' ' || g, 'x', p.depth + 1, 0
         FROM places p CROSS JOIN generate_series(1, $3::int) g
        WHERE p.level = $1 AND p.path LIKE $4`,
      [parentLevel, level, n, `${county.path}%`],
    );
    await database.query(
      `UPDATE places c SET path = p.path || c.id || '/' FROM places p WHERE c.path = 'x' AND p.id = c.parent_id`,
    );
    await database.query(`UPDATE places SET child_count = $1 WHERE level = $2 AND path LIKE $3`, [
      n,
      parentLevel,
      `${county.path}%`,
    ]);
    parentLevel = level;
  }
  const townships = await database.query<Node>(
    `SELECT id, path FROM places WHERE level = 'township' AND path LIKE $1 ORDER BY id`,
    [`${county.path}%`],
  );
  const [{ total }] = await database.query<{ total: number }>('SELECT count(*)::int AS total FROM places');
  await database.query('ANALYZE places');
  return { county, townships, total };
}
