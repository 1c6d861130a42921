import type { Database } from '../db/client.ts';

/**
 * A condition on `h.residence_path` for households of these communities: the community's id at its
 * depth in the path, looked up in one hashed list — not a LIKE per community.
 */
export async function inCommunitiesCondition(database: Database, ids: number[]): Promise<string> {
  const depths = await database.query<{ depth: number }>(
    `SELECT DISTINCT depth FROM places WHERE id = ANY($1::int8[])`,
    [ids],
  );
  const list = `ARRAY[${ids.map(Number).join(',')}]::int8[]`;
  const parts = depths.map(
    (d) => `nullif(split_part(h.residence_path, '/', ${Number(d.depth) + 2}), '')::int8 = ANY(${list})`,
  );
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}
