import type { SocialOrg, SocialOrgCreate, SocialOrgQuery, SocialOrgUpdate } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { covers } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import { assertOrgKept, assertRegisterPlace, orgScope } from './services.policy.ts';
import * as repo from './orgs.repo.ts';
import type { OrgRow } from './services.sql.ts';

export const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);
const taken = () =>
  new AppError('duplicate', 'an organization with this credit code exists', [
    { field: 'creditCode', reason: 'already registered' },
  ]);
const isUniqueViolation = (e: unknown) =>
  ((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505';

/** An organization as officials see it. */
export const presentOrg = (r: OrgRow): SocialOrg => ({
  id: String(r.id),
  creditCode: r.credit_code,
  name: r.name,
  kind: r.kind as SocialOrg['kind'],
  placeId: String(r.place_id),
  placeName: r.place_name,
  serviceAreas: r.service_areas,
  placesServed: r.places_served.map((p) => ({ id: String(p.id), name: p.name })),
  staffCount: r.staff_count,
  socialWorkerCount: r.social_worker_count,
  contactName: r.contact_name,
  version: r.version,
});

async function registerPlace(conn: Conn, ctx: Ctx, placeId: number) {
  const place = await placeById(conn, placeId);
  assertRegisterPlace(ctx.actor, place);
  return place!;
}

/** The places served, each in the caller's scope (else unknown). */
async function placesServed(conn: Conn, ctx: Ctx, ids: number[]) {
  const found = [];
  for (const id of new Set(ids)) {
    const place = await placeById(conn, id);
    if (!place || !covers(ctx.actor, place.path)) throw invalid('placesServed', 'unknown place');
    found.push({ id: Number(place.id), path: place.path });
  }
  return found;
}

const checkCounts = (staff: number, socialWorkers: number) => {
  if (socialWorkers > staff) throw invalid('socialWorkerCount', 'must not exceed the staff');
};

/** An organization the caller sees (registered in scope or serving it); else 404. */
export async function get(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findVisible(database.db, orgScope(ctx.actor), id);
  if (!row) throw notFound('organization');
  return presentOrg(row);
}

/** Registers an organization on a place of the caller's scope, serving places of it; a credit code once. */
export async function create(database: Database, ctx: Ctx, input: SocialOrgCreate) {
  checkCounts(input.staffCount, input.socialWorkerCount);
  try {
    const id = await database.db.transaction(async (tx) => {
      const place = await registerPlace(tx, ctx, input.placeId);
      const served = await placesServed(tx, ctx, input.placesServed);
      const id = await repo.insert(tx, {
        creditCode: input.creditCode,
        name: input.name,
        kind: input.kind,
        placeId: Number(place.id),
        placePath: place.path,
        serviceAreas: [...new Set(input.serviceAreas)],
        staffCount: input.staffCount,
        socialWorkerCount: input.socialWorkerCount,
        contactName: input.contactName,
      });
      await repo.setPlacesServed(tx, id, served);
      await audit(tx, ctx, {
        action: 'social_org.create',
        targetType: 'social_org',
        targetId: id,
        detail: { creditCode: input.creditCode, kind: input.kind },
      });
      return id;
    });
    return get(database, ctx, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

/** Changes an organization kept in the caller's scope from the version read (409 when stale). */
export async function update(database: Database, ctx: Ctx, id: number, input: SocialOrgUpdate) {
  try {
    await database.db.transaction(async (tx) => {
      const before = await repo.findById(tx, id);
      assertOrgKept(ctx.actor, before);
      const place = input.placeId === undefined ? null : await registerPlace(tx, ctx, input.placeId);
      const next: repo.OrgFields = {
        creditCode: input.creditCode ?? before.credit_code,
        name: input.name ?? before.name,
        kind: input.kind ?? before.kind,
        placeId: place ? Number(place.id) : Number(before.place_id),
        placePath: place?.path ?? before.place_path,
        serviceAreas: input.serviceAreas ? [...new Set(input.serviceAreas)] : before.service_areas,
        staffCount: input.staffCount ?? before.staff_count,
        socialWorkerCount: input.socialWorkerCount ?? before.social_worker_count,
        contactName: input.contactName ?? before.contact_name,
      };
      checkCounts(next.staffCount, next.socialWorkerCount);
      if (!(await repo.update(tx, id, input.version, next))) throw stale();
      if (input.placesServed)
        await repo.setPlacesServed(tx, id, await placesServed(tx, ctx, input.placesServed));
      await audit(tx, ctx, {
        action: 'social_org.update',
        targetType: 'social_org',
        targetId: id,
        detail: { fields: Object.keys(input).filter((k) => k !== 'version'), version: input.version + 1 },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
  return get(database, ctx, id);
}

export async function list(database: Database, ctx: Ctx, q: SocialOrgQuery) {
  const { items, total } = await repo.list(
    database.db,
    orgScope(ctx.actor),
    { q: q.q, category: q.category },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentOrg), total, page: q.page, pageSize: q.pageSize };
}

/** Ties a `social_org_staff` account to an organization kept in the caller's scope. */
export async function linkStaff(database: Database, ctx: Ctx, id: number, username: string) {
  await database.db.transaction(async (tx) => {
    assertOrgKept(ctx.actor, await repo.findById(tx, id));
    const user = await repo.staffAccount(tx, username);
    if (!user) throw invalid('username', 'not a social organization staff account');
    await repo.linkStaff(tx, user.id, id);
    await audit(tx, ctx, {
      action: 'social_org.staff',
      targetType: 'social_org',
      targetId: id,
      detail: { userId: user.id },
    });
  });
  return { ok: true as const };
}
