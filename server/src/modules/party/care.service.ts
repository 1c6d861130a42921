import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { norms } from '../../platform/norms.ts';
import { findPlacesByIds as findPlaces, placeById as findPlace } from '../places/places.service.ts';
import { countHouseholdsUnder, householdsUnder, type HouseholdRef } from '../registry/residence.service.ts';
import { assertCommunityVisible, assertOrgVisible, orgsSeenSql, pathsWithin } from './party.policy.ts';
import * as repo from './party.repo.ts';

const UNLOOKED_LIMIT = 500;

const ref = (h: HouseholdRef) => ({
  id: String(h.id),
  householdNo: h.household_no,
  headName: h.head_name,
  dwelling: h.dwelling,
});

const linkNorm = (conn: Database['db']) => norms(conn, 'linked_households_min', 'linked_households_max');

async function lastDepth(conn: Database['db']) {
  return Math.max(...(await repo.levels(conn)).map((l) => l.depth));
}

async function communityPathOf(conn: Database['db'], path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  const community = (await findPlaces(conn, ids)).find((p) => p.level === 'community');
  if (!community) throw invalid('orgId', 'the organization is not inside a community');
  return community.path;
}

/**
 * Sets the households a party-member household (an organization of the last level) looks after:
 * households of its community, not itself, not looked after by another; at most the norm's maximum.
 */
export async function setLinks(
  database: Database,
  ctx: Ctx,
  orgId: number,
  input: { householdIds: string[] },
) {
  const ids = [...new Set(input.householdIds.map(Number))];
  const [min, max] = await linkNorm(database.db);
  if (ids.length > max)
    throw invalid('householdIds', 'a party-member household looks after at most {{max}} households', { max });
  const households = await database.db.transaction(async (tx) => {
    const org = await repo.findOrg(tx, orgId);
    assertOrgVisible(ctx.actor, org);
    if (org.depth !== (await lastDepth(tx)))
      throw invalid('orgId', 'only a party-member household looks after households');
    const found = await householdsUnder(tx, await communityPathOf(tx, org.place_path), { ids });
    const missing = ids.filter((id) => !found.some((h) => Number(h.id) === id));
    if (missing.length)
      throw invalid('householdIds', 'not active households of this community: {{ids}}', {
        ids: missing.join(', '),
      });
    if (found.some((h) => Number(h.dwelling_id) === Number(org.place_id)))
      throw invalid('householdIds', 'a party-member household does not look after itself');
    const taken = await repo.linkedElsewhere(tx, orgId, ids);
    if (taken.length)
      throw conflict('some households are already looked after by another party-member household', [
        {
          field: 'householdIds',
          reason: `already looked after: ${taken.map((t) => t.household_id).join(', ')}`,
        },
      ]);
    await repo.replaceLinks(tx, orgId, ids);
    await audit(tx, ctx, {
      action: 'party.links',
      targetType: 'party_org',
      targetId: orgId,
      detail: { householdIds: ids },
    });
    return found;
  });
  return { orgId: String(orgId), households: households.map(ref), underMin: ids.length < min };
}

/** Who looks after whom in a community, and the households nobody looks after (an anti-join), in scope. */
export async function careMap(database: Database, ctx: Ctx, communityId: number) {
  const conn = database.db;
  const community = await findPlace(conn, communityId);
  assertCommunityVisible(ctx.actor, community);
  const [min, max] = await linkNorm(conn);
  const depth = await lastDepth(conn);
  const carers = (await repo.orgsUnder(conn, community.path, orgsSeenSql(ctx.actor))).filter(
    (o) => o.depth === depth,
  );
  const links = await repo.linksOf(
    conn,
    carers.map((c) => Number(c.id)),
  );
  const paths = pathsWithin(ctx.actor, community.path);
  const visible = new Map<number, HouseholdRef>();
  const unlooked: HouseholdRef[] = [];
  let unlookedTotal = 0;
  const linkedIds = links.map((l) => Number(l.household_id));
  for (const path of paths) {
    for (const h of await householdsUnder(conn, path, { ids: linkedIds })) visible.set(Number(h.id), h);
    const own = await householdsUnder(conn, path, { dwellingIds: carers.map((c) => Number(c.place_id)) });
    for (const h of own) visible.set(Number(h.id), h);
    unlooked.push(
      ...(await householdsUnder(conn, path, { unless: repo.notLookedAfter(depth), limit: UNLOOKED_LIMIT })),
    );
    unlookedTotal += await countHouseholdsUnder(conn, path, repo.notLookedAfter(depth));
  }
  const byDwelling = new Map([...visible.values()].map((h) => [Number(h.dwelling_id), h]));
  return {
    norm: { min, max },
    carers: carers.map((c) => {
      const linked = links
        .filter((l) => Number(l.org_id) === Number(c.id))
        .map((l) => visible.get(Number(l.household_id)))
        .filter((h) => h !== undefined);
      const own = byDwelling.get(Number(c.place_id));
      return {
        orgId: String(c.id),
        name: c.name,
        household: own ? ref(own) : null,
        linked: linked.map(ref),
        underMin: linked.length < min,
      };
    }),
    unlooked: unlooked.slice(0, UNLOOKED_LIMIT).map(ref),
    unlookedTotal,
  };
}
