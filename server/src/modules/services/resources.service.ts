import type { AllocationCreate, Resource, ResourceCreate, ResourceQuery } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import * as needs from './needs.repo.ts';
import { readerOf } from './needs.service.ts';
import * as repo from './resources.repo.ts';
import { assertRegisterPlace, assertResourceVisible, resourceScope, standingOf } from './services.policy.ts';
import type { ResourceRow } from './services.sql.ts';

export const presentResource = (r: ResourceRow): Resource => ({
  id: String(r.id),
  kind: r.kind as Resource['kind'],
  name: r.name,
  donorKind: r.donor_kind as Resource['donorKind'],
  donorName: r.donor_name,
  quantity: r.quantity,
  remaining: r.remaining,
  unit: r.unit,
  availableFrom: String(r.available_from),
  availableTo: r.available_to === null ? null : String(r.available_to),
  placeId: String(r.place_id),
  placeName: r.place_name,
});

export async function get(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findById(database.db, id);
  assertResourceVisible(ctx.actor, row);
  return presentResource(row);
}

/** Records a resource offered, kept on a place of the caller's scope. */
export async function create(database: Database, ctx: Ctx, input: ResourceCreate) {
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    assertRegisterPlace(ctx.actor, place);
    const id = await repo.insert(tx, { ...input, placeId: Number(place!.id), placePath: place!.path });
    await audit(tx, ctx, {
      action: 'service_resource.create',
      targetType: 'service_resource',
      targetId: id,
      detail: { kind: input.kind, quantity: input.quantity },
    });
    return id;
  });
  return get(database, ctx, id);
}

export async function list(database: Database, ctx: Ctx, q: ResourceQuery) {
  const { items, total } = await repo.list(
    database.db,
    resourceScope(ctx.actor),
    { kind: q.kind, available: q.available === 'true' },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentResource), total, page: q.page, pageSize: q.pageSize };
}

const outOfStock = () =>
  new AppError('conflict', 'not enough of the resource remains', [
    { field: 'quantity', reason: 'more than remains' },
  ]);

/** Gives some of a resource in scope to a need the caller works; never more than remains (409). */
export async function allocate(database: Database, ctx: Ctx, id: number, input: AllocationCreate) {
  return database.db.transaction(async (tx) => {
    const resource = await repo.findById(tx, id);
    assertResourceVisible(ctx.actor, resource);
    const need = await needs.findById(tx, input.needId);
    if (!need || !standingOf(await readerOf(tx, ctx.actor), need).official)
      throw invalid('needId', 'unknown need');
    const taken = await repo.allocate(tx, id, input.needId, input.quantity, ctx.actor.userId);
    if (!taken) throw outOfStock();
    await audit(tx, ctx, {
      action: 'service_resource.allocate',
      targetType: 'service_resource',
      targetId: id,
      detail: { needId: input.needId, quantity: input.quantity },
    });
    return {
      id: String(taken.id),
      resourceId: String(id),
      needId: String(input.needId),
      quantity: input.quantity,
      remaining: taken.remaining,
    };
  });
}
