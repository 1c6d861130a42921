import type { PartyOrg, PartyOrgKind } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { placeById as findPlace, type PathMove } from '../places/places.service.ts';
import { partyMembersUnder, personNames } from '../registry/residence.service.ts';
import { assertCommunityVisible, assertOrgVisible, orgsSeenSql } from './party.policy.ts';
import * as repo from './party.repo.ts';
import { checksOf, partyRules } from './rules.ts';

const presentLevel = (l: repo.LevelRow) => ({
  depth: l.depth,
  placeLevel: l.place_level,
  labelZh: l.label_zh,
  labelEn: l.label_en,
  kind: l.kind as PartyOrgKind,
});

export async function levels(database: Database) {
  return (await repo.levels(database.db)).map(presentLevel);
}

export async function present(conn: Conn, orgs: repo.OrgRow[]): Promise<PartyOrg[]> {
  const lv = new Map((await repo.levels(conn)).map((l) => [l.depth, l]));
  const ids = orgs.map((o) => Number(o.id));
  const [members, counts, rules] = await Promise.all([
    repo.membersOf(conn, ids),
    repo.memberCounts(conn, ids),
    partyRules(conn),
  ]);
  const names = new Map(
    (
      await personNames(
        conn,
        members.map((m) => Number(m.person_id)),
      )
    ).map((p) => [Number(p.id), p.name]),
  );
  return orgs.map((o) => {
    const kind = (lv.get(o.depth)?.kind ?? 'branch') as PartyOrgKind;
    const count = counts.find((c) => Number(c.org_id) === Number(o.id));
    const [memberCount, fullMemberCount] = [count?.members ?? 0, count?.full_members ?? 0];
    return {
      id: String(o.id),
      parentId: o.parent_id === null ? null : String(o.parent_id),
      depth: o.depth,
      labelZh: lv.get(o.depth)?.label_zh ?? '',
      labelEn: lv.get(o.depth)?.label_en ?? '',
      kind,
      name: o.name,
      place: { id: String(o.place_id), name: o.place_name, level: o.place_level },
      members: members
        .filter((m) => Number(m.org_id) === Number(o.id))
        .map((m) => ({
          personId: String(m.person_id),
          name: names.get(Number(m.person_id)) ?? '',
          probationary: m.probationary,
        })),
      memberCount,
      fullMemberCount,
      checks: checksOf(kind, memberCount, fullMemberCount, rules),
      version: o.version,
    };
  });
}

/** The party organizations of a community the caller sees, top down. */
export async function tree(database: Database, ctx: Ctx, communityId: number) {
  const community = await findPlace(database.db, communityId);
  assertCommunityVisible(ctx.actor, community);
  const orgs = await repo.orgsUnder(database.db, community.path, orgsSeenSql(ctx.actor));
  return present(database.db, orgs);
}

/**
 * Founds an organization on a place whose level has a party level; its parent is the organization
 * of the level above, found on the nearest ancestor place — it must exist first.
 */
export async function create(database: Database, ctx: Ctx, input: { placeId: string; name: string }) {
  const id = await database.db.transaction(async (tx) => {
    const place = await findPlace(tx, Number(input.placeId));
    if (!place || !pathInScope(ctx.actor, place.path)) throw notFound('place');
    const all = await repo.levels(tx);
    const level = all.find((l) => l.place_level === place.level);
    if (!level) throw invalid('placeId', 'no party level is bound to a {{level}}', { level: place.level });
    const above = all.filter((l) => l.depth < level.depth).at(-1);
    const parent = above ? await repo.nearestAbove(tx, place.path) : undefined;
    if (above && parent?.depth !== above.depth)
      throw invalid('placeId', 'found no {{levelEn}} above it; found that first', {
        levelEn: above.label_en,
        levelZh: above.label_zh,
      });
    const orgId = await repo
      .insertOrg(tx, {
        parentId: parent ? Number(parent.id) : null,
        depth: level.depth,
        placeId: place.id,
        placePath: place.path,
        name: input.name,
      })
      .catch((e: { code?: string; cause?: { code?: string } }) => {
        if (e.code === '23505' || e.cause?.code === '23505')
          throw conflict('this place already has a party organization', [
            { field: 'placeId', reason: 'already has one' },
          ]);
        throw e;
      });
    await audit(tx, ctx, {
      action: 'party.org_create',
      targetType: 'party_org',
      targetId: orgId,
      detail: { placeId: place.id },
    });
    return orgId;
  });
  const [org] = await present(database.db, [(await repo.findOrg(database.db, id))!]);
  return org;
}

/** Attaches party members (registry persons marked party_member, living under the organization's place). */
export async function setMembers(
  database: Database,
  ctx: Ctx,
  orgId: number,
  input: { personIds: string[]; probationaryIds: string[] },
) {
  const ids = [...new Set(input.personIds.map(Number))];
  const probationary = [...new Set(input.probationaryIds.map(Number))];
  const strays = probationary.filter((id) => !ids.includes(id));
  if (strays.length)
    throw invalid('probationaryIds', 'not among the members set: {{ids}}', { ids: strays.join(', ') });
  await database.db.transaction(async (tx) => {
    const org = await repo.findOrg(tx, orgId);
    assertOrgVisible(ctx.actor, org);
    const found = await partyMembersUnder(tx, org.place_path, ids);
    const refused = ids.filter((id) => !found.some((f) => Number(f.id) === id));
    if (refused.length)
      throw invalid('personIds', 'not party members living here: {{ids}}', { ids: refused.join(', ') });
    await repo.replaceMembers(tx, orgId, ids, probationary);
    await audit(tx, ctx, {
      action: 'party.members',
      targetType: 'party_org',
      targetId: orgId,
      detail: { personIds: ids, probationaryIds: probationary },
    });
  });
  const [org] = await present(database.db, [(await repo.findOrg(database.db, orgId))!]);
  return org;
}

/** Keeps organizations on their places when re-gridding moves buildings. */
export async function rebaseOrgs(tx: Conn, moves: PathMove[]) {
  if (moves.length) await repo.rebase(tx, moves);
}

/** Renames an organization; a stale version is 409. */
export async function rename(
  database: Database,
  ctx: Ctx,
  orgId: number,
  input: { name: string; version: number },
) {
  await database.db.transaction(async (tx) => {
    assertOrgVisible(ctx.actor, await repo.findOrg(tx, orgId));
    if (!(await repo.rename(tx, orgId, input.name, input.version)))
      throw conflict('the organization was changed by someone else; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    await audit(tx, ctx, {
      action: 'party.org_rename',
      targetType: 'party_org',
      targetId: orgId,
      detail: { name: input.name },
    });
  });
  const [org] = await present(database.db, [(await repo.findOrg(database.db, orgId))!]);
  return org;
}

/** The party members an organization may take: living party members residing under its place. */
export async function candidates(database: Database, ctx: Ctx, orgId: number) {
  const org = await repo.findOrg(database.db, orgId);
  assertOrgVisible(ctx.actor, org);
  return (await repo.candidatesUnder(database.db, org.place_path)).map((c) => ({
    personId: String(c.person_id),
    name: c.name,
    dwelling: c.dwelling,
    orgId: c.org_id === null ? null : String(c.org_id),
  }));
}
