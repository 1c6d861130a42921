import type { Database } from '../db/client.ts';

/**
 * The party organization tree of the seeded communities, set-based: a committee per community, a
 * branch per grid, a group per building where party members live, a party-member household in
 * the first party member's dwelling of each such building looking after 5–15 neighbours of the
 * building (the rest stay unlooked, as in life), and every party member in their building's group.
 */
/** The place of `pathColumn` lies in one of the communities of $1 (their ids are among its path's). */
const inCommunities = (pathColumn: string) =>
  `string_to_array(trim(both '/' from ${pathColumn}), '/')::bigint[] && $1::bigint[]`;

export async function seedPartyTree(database: Database, communityIds: number[]) {
  const ids = `{${communityIds.join(',')}}`;
  const levels = await database.query<{ depth: number; place_level: string; label_zh: string }>(
    'SELECT depth, place_level, label_zh FROM party_levels ORDER BY depth',
  );
  const depthOf = (level: string) => levels.find((l) => l.place_level === level)?.depth;
  const label = (level: string) => levels.find((l) => l.place_level === level)?.label_zh ?? '';
  const [community, grid, building, dwelling] = ['community', 'grid', 'building', 'dwelling'].map(depthOf);
  const orgsAt = async (depth: number | undefined, level: string, places: string) => {
    if (depth === undefined) return;
    await database.query(
      `INSERT INTO party_orgs (parent_id, depth, place_id, place_path, name)
       SELECT (SELECT a.id FROM party_orgs a
                WHERE a.place_id = ANY(string_to_array(trim(both '/' from p.path), '/')::bigint[]) AND a.place_id <> p.id
                ORDER BY a.depth DESC LIMIT 1),
              $2, p.id, p.path, p.name || $3
         FROM (${places}) p
       ON CONFLICT (place_id) DO NOTHING`,
      [ids, depth, level === 'dwelling' ? '' : label(level)],
    );
  };
  await orgsAt(community, 'community', `SELECT id, path, name FROM places WHERE id = ANY($1::bigint[])`);
  await orgsAt(
    grid,
    'grid',
    `SELECT g.id, g.path, g.name FROM places g WHERE g.parent_id = ANY($1::bigint[]) AND g.level = 'grid'`,
  );
  const partyHomes = `
    SELECT DISTINCT ON (d.parent_id) d.id, d.path, h.head_name || '家${label('dwelling')}' AS name, d.parent_id AS building_id
      FROM persons m
      JOIN households h ON h.id = m.household_id AND h.status = 'active'
      JOIN places d ON d.id = h.dwelling_id
     WHERE m.party_member AND m.status = 'living' AND ${inCommunities('d.path')}
     ORDER BY d.parent_id, h.id`;
  await orgsAt(
    building,
    'building',
    `SELECT b.id, b.path, b.name FROM places b WHERE b.id IN (SELECT building_id FROM (${partyHomes}) x)`,
  );
  await orgsAt(dwelling, 'dwelling', `SELECT id, path, name FROM (${partyHomes}) x`);
  const last = Math.max(...levels.map((l) => l.depth));
  await database.query(
    `INSERT INTO party_links (household_id, org_id)
     SELECT household_id, org_id FROM (
       SELECT h.id AS household_id, o.id AS org_id,
              row_number() OVER (PARTITION BY o.id ORDER BY h.id) AS n, 5 + o.id % 11 AS quota
         FROM party_orgs o
         JOIN places carer ON carer.id = o.place_id
         JOIN places d ON d.parent_id = carer.parent_id AND d.id <> carer.id
         JOIN households h ON h.dwelling_id = d.id AND h.status = 'active'
        WHERE o.depth = $2 AND ${inCommunities('o.place_path')}) x
      WHERE n <= quota
     ON CONFLICT (household_id) DO NOTHING`,
    [ids, last],
  );
  await database.query(
    `INSERT INTO party_members (person_id, org_id)
     SELECT m.id, o.id
       FROM persons m
       JOIN places d ON d.id = m.residence_place_id
       JOIN party_orgs o ON o.place_id = d.parent_id
      WHERE m.party_member AND m.status = 'living' AND ${inCommunities('d.path')}
     ON CONFLICT (person_id) DO NOTHING`,
    [ids],
  );
}
