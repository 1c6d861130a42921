import type { HouseholdCreate, HouseholdDetail } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import * as history from './history.repo.ts';
import * as repo from './households.repo.ts';
import * as persons from './persons.repo.ts';
import { assertIdsFree, prepareMember } from './persons.service.ts';
import { communityOf, placeOfLevel, type PlaceRef } from './places.lookup.ts';
import { recheckHousehold } from '../employment/zero.service.ts';
import { underPath } from '../places/places.service.ts';
import { presentHistory, presentHousehold, presentPerson } from './present.ts';
import {
  assertResidenceSide,
  assertVisible,
  householdScope,
  originSideOnly,
  sideOf,
} from './registry.policy.ts';
import type { HouseholdRow } from './registry.sql.ts';

export const staleHousehold = () =>
  conflict('the household was changed by someone else; reload and try again', [
    { field: 'version', reason: 'stale' },
  ]);

export async function list(
  database: Database,
  ctx: Ctx,
  q: { under?: string; q?: string; povertyStatus?: string; status: string; page: number; pageSize: number },
) {
  let path: string | undefined;
  if (q.under) {
    path = await underPath(database.db, q.under);
  }
  const { items, total } = await repo.list(
    database.db,
    householdScope(ctx.actor),
    { underPath: path, q: q.q, povertyStatus: q.povertyStatus, status: q.status },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    items: items.map((r) => presentHousehold(ctx.actor, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export const householdSide = (ctx: Ctx) => (r: HouseholdRow) =>
  sideOf(ctx.actor, r.residence_path, r.origin_path);

/** A household with its members; origin-side officials see only members registered on their side. */
export async function get(database: Database, ctx: Ctx, id: number): Promise<HouseholdDetail> {
  const row = await repo.findById(database.db, id);
  assertVisible(ctx.actor, row, householdSide(ctx));
  const members = (await persons.ofHousehold(database.db, id)).filter((m) =>
    sideOf(ctx.actor, m.residence_path, m.hukou_path),
  );
  return { ...presentHousehold(ctx.actor, row), members: members.map((m) => presentPerson(ctx.actor, m)) };
}

/** A free dwelling in the caller's residence-side scope. */
export async function freeDwelling(
  conn: Conn,
  ctx: Ctx,
  dwellingId: number,
  field = 'dwellingId',
): Promise<PlaceRef> {
  const dwelling = await placeOfLevel(conn, dwellingId, ['dwelling'], field);
  assertResidenceSide(ctx.actor, dwelling.path);
  const taken = await repo.activeInDwelling(conn, dwelling.id);
  if (taken)
    throw conflict(`${field}: already home of household ${taken.household_no}`, [
      { field, reason: 'occupied' },
    ]);
  return dwelling;
}

/** Registers a household and its members; exactly one member is the head. */
export async function create(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  input: HouseholdCreate,
): Promise<HouseholdDetail> {
  const heads = input.members.filter((m) => m.relation === 'head').length;
  if (heads !== 1) throw invalid('members', 'needs exactly one head, found {{heads}}', { heads });
  const id = await database.db.transaction(async (tx) => {
    const dwelling = await freeDwelling(tx, ctx, Number(input.dwellingId));
    const community = await communityOf(tx, dwelling.path);
    const origin = input.originVillageId
      ? await placeOfLevel(tx, Number(input.originVillageId), ['village', 'community'], 'originVillageId')
      : null;
    const householdId = await repo.insert(tx, {
      communityCode: community.code ?? String(community.id),
      dwellingId: dwelling.id,
      residencePath: dwelling.path,
      originVillageId: origin?.id ?? null,
      originPath: origin?.path ?? null,
      relocationYear: input.relocationYear ?? null,
      resettlementType: input.resettlementType,
      povertyStatus: input.povertyStatus,
    });
    const members = await Promise.all(
      input.members.map((m, i) =>
        prepareMember(tx, cipher, m, { householdId, residence: dwelling }, `members.${i}`),
      ),
    );
    const seen = new Map<string, number>();
    members.forEach((m, i) => {
      const first = seen.get(m.idHash);
      if (first !== undefined)
        throw invalid(`members.${i}.idNumber`, 'same ID number as member {{member}}', { member: first + 1 });
      seen.set(m.idHash, i);
    });
    await assertIdsFree(
      tx,
      ctx,
      members.map((m, i) => ({ hash: m.idHash, field: `members.${i}.idNumber` })),
    );
    const ids = [];
    for (const m of members) ids.push(await persons.insert(tx, m));
    await repo.refreshSummary(tx, householdId);
    await recheckHousehold(tx, householdId);
    await history.record(tx, ctx, [
      { householdId, event: 'create', version: 1, changes: { dwelling: [null, dwelling.name] } },
      ...ids.map((personId, i) => ({
        householdId,
        personId,
        event: 'create',
        version: 1,
        changes: { name: [null, members[i].name] },
      })),
    ]);
    await audit(tx, ctx, {
      action: 'household.create',
      targetType: 'household',
      targetId: householdId,
      detail: { members: ids.length },
    });
    return householdId;
  });
  return get(database, ctx, id);
}

export async function update(
  database: Database,
  ctx: Ctx,
  id: number,
  input: {
    relocationYear?: number | null;
    resettlementType?: string;
    povertyStatus?: string;
    version: number;
  },
) {
  await database.db.transaction(async (tx) => {
    const before = await repo.findById(tx, id, true);
    assertVisible(ctx.actor, before, householdSide(ctx));
    assertResidenceSide(ctx.actor, before.residence_path);
    const { version, ...patch } = input;
    if (!(await repo.update(tx, id, version, patch))) throw staleHousehold();
    const changes: Record<string, [unknown, unknown]> = {};
    const was: Record<string, unknown> = {
      relocationYear: before.relocation_year,
      resettlementType: before.resettlement_type,
      povertyStatus: before.poverty_status,
    };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && was[k] !== v) changes[k] = [was[k], v];
    await history.record(tx, ctx, [{ householdId: id, event: 'update', version: version + 1, changes }]);
    await audit(tx, ctx, {
      action: 'household.update',
      targetType: 'household',
      targetId: id,
      detail: { fields: Object.keys(changes) },
    });
  });
  return get(database, ctx, id);
}

/**
 * A household's history; origin-side officials read the entries about members registered on their
 * side and those about the household, without the names of members who moved.
 */
export async function historyOf(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findById(database.db, id);
  assertVisible(ctx.actor, row, householdSide(ctx));
  const entries = await history.ofHousehold(database.db, id);
  const seen = originSideOnly(ctx.actor, row.residence_path)
    ? entries.flatMap((e) => {
        if (e.person_id !== null)
          return e.residence_path && sideOf(ctx.actor, e.residence_path, e.hukou_path!) ? [e] : [];
        const { members: _members, ...changes } = e.changes;
        return [{ ...e, changes }];
      })
    : entries;
  return presentHistory(ctx.actor, seen);
}

/**
 * Sets a household's poverty status as a monitoring decision does, with a history row naming why;
 * returns the status it had.
 */
export async function setPovertyStatus(
  conn: Conn,
  ctx: Ctx,
  householdId: number,
  status: string,
  note: string,
): Promise<string> {
  const h = await repo.povertyStatusForUpdate(conn, householdId);
  if (h.poverty_status !== status) {
    await repo.setPovertyStatus(conn, householdId, status);
    await history.record(conn, ctx, [
      {
        householdId,
        event: 'update',
        version: h.version + 1,
        changes: { povertyStatus: [h.poverty_status, status] },
        note,
      },
    ]);
  }
  return h.poverty_status;
}
