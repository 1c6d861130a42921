import type { Database } from '../db/client.ts';
import { buildHousehold, type HouseholdSite, type PlaceAt } from './household-builder.ts';
import { IdNumbers } from './id-numbers.ts';
import { defineSeeder, type GeneratedCommunity } from './registry.ts';
import { RegistryWriter, reserveHouseholdIds } from './registry-rows.ts';
import type { Rng } from './rng.ts';

type Village = HouseholdSite['village'];

/** The villages of these counties (6 digits) by county, sorted by code; 村委会 (sequence 200+) when a county has them. */
async function villagesByCounty(database: Database, counties: string[]): Promise<Map<string, Village[]>> {
  const rows = await database.query<{ id: number; code: string; path: string }>(
    `SELECT id::int8 AS id, code, path FROM places
     WHERE level = 'village' AND substr(code, 1, 6) = ANY($1::text[]) ORDER BY code`,
    [counties],
  );
  const byCounty = new Map<string, { rural: Village[]; any: Village[] }>();
  for (const r of rows) {
    const county = r.code.slice(0, 6);
    const village = { id: Number(r.id), path: r.path, county };
    const entry = byCounty.get(county) ?? { rural: [], any: [] };
    byCounty.set(county, entry);
    entry.any.push(village);
    if (Number(r.code.slice(9)) >= 200) entry.rural.push(village);
  }
  return new Map([...byCounty].map(([county, v]) => [county, v.rural.length ? v.rural : v.any]));
}

/**
 * The villages a community was filled from: whole villages moved together, mostly from the first
 * origin county. Households are drawn with decreasing weight down the list.
 */
function sourceVillages(rng: Rng, community: GeneratedCommunity, byCounty: Map<string, Village[]>) {
  const counties = community.originCountyCodes.map((c) => c.slice(0, 6)).filter((c) => byCounty.has(c));
  if (counties.length === 0)
    throw new Error(`community ${community.code}: no villages loaded for its origin counties`);
  const count = Math.max(2, Math.min(40, Math.round(community.households / 30)));
  const picked: Village[] = [];
  for (let i = 0; i < count; i++) {
    const county = i === 0 || rng.next() < 0.6 ? counties[0] : rng.pick(counties);
    picked.push(rng.pick(byCounty.get(county)!));
  }
  return picked.map((v, i) => [v, 1 / (i + 1)] as const);
}

/**
 * Households and people: one household in every occupied dwelling, with the realism of DOMAIN.md
 * (household sizes, age pyramid, labour, health, tags, dual jurisdiction), identifiers sealed as
 * the registry seals them, loaded with COPY.
 */
export const personsSeeder = defineSeeder({
  name: 'persons',
  dependsOn: ['places'],
  async run(ctx) {
    const { database, cipher, places } = ctx;
    const communities = places.communities;
    const paths = new Map(
      (
        await database.query<{ id: number; path: string }>(
          `SELECT id::int8 AS id, path FROM places WHERE id = ANY($1::int8[])`,
          [communities.map((c) => c.id)],
        )
      ).map((r) => [Number(r.id), r.path]),
    );
    const counties = [...new Set(communities.flatMap((c) => c.originCountyCodes.map((o) => o.slice(0, 6))))];
    const byCounty = await villagesByCounty(database, counties);

    const total = communities.reduce((s, c) => s + c.households, 0);
    const task = ctx.progress.start('households', total);
    const ids = new IdNumbers();
    const writer = new RegistryWriter(database);
    let reserved: number[] = [];
    let next = 0;
    for (const community of communities) {
      const rng = ctx.rng.fork(community.code);
      const villages = sourceVillages(rng, community, byCounty);
      if (reserved.length - next < community.households) {
        reserved = [
          ...reserved.slice(next),
          ...(await reserveHouseholdIds(database, Math.max(community.households, 20_000))),
        ];
        next = 0;
      }
      const path = paths.get(community.id)!;
      const site = {
        id: community.id,
        path,
        code: community.code,
        resettlementType: community.resettlementType,
        openedYear: community.openedYear,
      };
      for (const grid of community.grids) {
        for (const building of grid.buildings) {
          for (const dwellingId of building.occupiedDwellingIds) {
            const dwelling: PlaceAt = {
              id: dwellingId,
              path: `${path}${grid.id}/${building.id}/${dwellingId}/`,
            };
            const { household, members } = buildHousehold(rng, cipher, ids, reserved[next++], {
              community: site,
              dwelling,
              village: rng.weighted(villages),
            });
            await writer.add(household, members);
          }
        }
      }
      task.tick(community.households);
    }
    await writer.done();
    task.done();
    ctx.log(`${writer.householdsWritten} households, ${writer.personsWritten} people written`);
  },
});
