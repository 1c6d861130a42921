import { communityRows, gridSizes } from './community-tree.ts';
import { loadDivisions, loadVillages } from './divisions.ts';
import { IdPool, PlaceWriter, recountChildren } from './place-rows.ts';
import { defineSeeder } from './registry.ts';
import { planSites, type Township } from './site-plan.ts';

/** Sequence numbers for new community codes: the 居委会 range first, then the 村委会-like range above 400. */
function* sequenceNumbers() {
  for (let n = 1; n <= 199; n++) yield n;
  for (let n = 400; n <= 999; n++) yield n;
}

/**
 * Generates the resettlement communities of the scale under real townships, with their grids,
 * buildings and dwellings; loads the divisions and the villages of the counties in use first.
 */
export const placesSeeder = defineSeeder({
  name: 'places',
  async run(ctx) {
    const { database, scale, progress } = ctx;
    await loadDivisions(database, progress);
    const townships = await database.query<Township>(
      `SELECT id::int8 AS id, code, name, path, depth FROM places
       WHERE level = 'township' AND substr(code, 1, 6) = ANY($1::text[]) ORDER BY code`,
      [scale.destinationCounties],
    );
    const byCounty = new Map<string, Township[]>();
    for (const t of townships)
      byCounty.set(t.code.slice(0, 6), [
        ...(byCounty.get(t.code.slice(0, 6)) ?? []),
        { ...t, id: Number(t.id) },
      ]);
    const plans = planSites(ctx.rng.fork('plan'), scale, byCounty);

    const counties = new Set(
      plans.flatMap((p) => [p.township.code.slice(0, 6), ...p.originCountyCodes.map((c) => c.slice(0, 6))]),
    );
    await loadVillages(database, [...counties].sort(), progress);

    const usedTownshipIds = [...new Set(plans.map((p) => p.township.id))];
    const taken = new Set(
      (
        await database.query<{ code: string }>(
          `SELECT code FROM places WHERE parent_id = ANY($1::int8[]) AND code IS NOT NULL`,
          [usedTownshipIds],
        )
      ).map((r) => r.code),
    );
    const sequences = new Map<string, Generator<number>>();
    const codeUnder = (township: string) => {
      const seq = sequences.get(township) ?? sequenceNumbers();
      sequences.set(township, seq);
      // Not for…of: leaving that loop would close the generator for the next community.
      for (let n = seq.next(); !n.done; n = seq.next()) {
        const code = `${township.slice(0, 9)}${String(n.value).padStart(3, '0')}`;
        if (!taken.has(code)) return code;
      }
      throw new Error(`township ${township} has no community code left`);
    };

    const task = progress.start('communities', plans.length);
    const rng = ctx.rng.fork('layout');
    const ids = new IdPool(database);
    const writer = new PlaceWriter(database);
    for (const plan of plans) {
      const grids = gridSizes(plan.households).length;
      await ids.reserve(1 + grids * 80 + 2 * Math.ceil(plan.households * 1.04));
      const { rows, community } = communityRows(rng, plan, codeUnder(plan.township.code), ids);
      for (const row of rows) await writer.add(row);
      ctx.places.communities.push(community);
      task.tick();
    }
    await writer.flush();
    await recountChildren(database, usedTownshipIds);
    task.done();
    ctx.places.demoCommunity = ctx.places.communities[0];
    const people = plans.reduce((s, p) => s + p.people, 0);
    const households = plans.reduce((s, p) => s + p.households, 0);
    ctx.log(
      `${plans.length} communities, ${households} households (${people} people), ${writer.written} places written`,
    );
  },
});
