import {
  maskPhone,
  normalisePhone,
  type Enterprise,
  type EnterpriseCreate,
  type EnterpriseQuery,
  type EnterpriseUpdate,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { norms, normsWithSources } from '../../platform/norms.ts';
import { workshopStaff } from '../employment/staff.service.ts';
import { placeById } from '../places/places.service.ts';
import { dictionary } from '../registry/extras.service.ts';
import {
  assertLinkable,
  assertPlace,
  assertVisible,
  enterpriseScope,
  underPlace,
} from './enterprises.policy.ts';
import * as repo from './enterprises.repo.ts';
import type { EnterpriseRow } from './enterprises.sql.ts';

/** The norm a workshop is recognised by: at least this many relocated or formerly poor people employed. */
const WORKSHOP_NORM = 'workshop_min_employed';

const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);
const taken = () =>
  new AppError('duplicate', 'an enterprise with this credit code exists', [
    { field: 'creditCode', reason: 'already registered' },
  ]);

const isUniqueViolation = (e: unknown) =>
  ((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505';

/** An enterprise, and for a workshop its standing: `employed` counted from linked records, against the norm. */
const present = (r: EnterpriseRow, minimumEmployed: number, staff: Map<number, number>): Enterprise => {
  const employed = staff.get(Number(r.id)) ?? 0;
  return {
    id: String(r.id),
    creditCode: r.credit_code,
    name: r.name,
    kind: r.kind as Enterprise['kind'],
    placeId: String(r.place_id),
    placeName: r.place_name,
    address: r.address,
    contactName: r.contact_name,
    contactPhone: r.contact_phone_masked,
    workshop: r.workshop_type
      ? { type: r.workshop_type, minimumEmployed, employed, recognised: employed >= minimumEmployed }
      : null,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
};

/** The counted staff of the workshops among `rows`. */
const staffOf = (conn: Conn, rows: EnterpriseRow[]) =>
  workshopStaff(
    conn,
    rows.filter((r) => r.workshop_type).map((r) => Number(r.id)),
  );

async function checkWorkshopType(database: Database, type: string | null) {
  if (type === null) return;
  if (!(await dictionary(database, 'workshop_type')).some((d) => d.code === type))
    throw invalid('workshopType', 'not a workshop type');
}

async function placeOf(conn: Conn, ctx: Ctx, placeId: number) {
  const place = await placeById(conn, placeId);
  assertPlace(ctx.actor, place);
  return place!;
}

const sealPhone = (cipher: Cipher, phone: string | null) => {
  const plain = phone === null ? null : normalisePhone(phone);
  return plain === null
    ? { contactPhoneCipher: null, contactPhoneMasked: null }
    : { contactPhoneCipher: cipher.encrypt(plain), contactPhoneMasked: maskPhone(plain) };
};

export async function get(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findById(database.db, id);
  assertVisible(ctx.actor, row);
  const [minimum] = await norms(database.db, WORKSHOP_NORM);
  return present(row, minimum, await staffOf(database.db, [row]));
}

/** An enterprise a record of the caller may name as employer: one of the register in their scope. */
export async function linkable(conn: Conn, actor: Actor, id: number) {
  const row = await repo.findById(conn, id);
  assertLinkable(actor, row);
  return { id: Number(row.id), name: row.name };
}

/** Registers an enterprise on a place of the caller's scope; a credit code is registered once. */
export async function create(database: Database, cipher: Cipher, ctx: Ctx, input: EnterpriseCreate) {
  await checkWorkshopType(database, input.workshopType);
  try {
    const id = await database.db.transaction(async (tx) => {
      const place = await placeOf(tx, ctx, input.placeId);
      const id = await repo.insert(tx, {
        creditCode: input.creditCode,
        name: input.name,
        kind: input.kind,
        placeId: place.id,
        placePath: place.path,
        address: input.address,
        contactName: input.contactName,
        workshopType: input.workshopType,
        ...sealPhone(cipher, input.contactPhone),
      });
      await audit(tx, ctx, {
        action: 'enterprise.create',
        targetType: 'enterprise',
        targetId: id,
        detail: { creditCode: input.creditCode, kind: input.kind, workshopType: input.workshopType },
      });
      return id;
    });
    return get(database, ctx, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

/** Changes an enterprise from the version read (409 when stale); it may move only within the caller's scope. */
export async function update(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  id: number,
  input: EnterpriseUpdate,
) {
  if (input.workshopType !== undefined) await checkWorkshopType(database, input.workshopType);
  try {
    await database.db.transaction(async (tx) => {
      const before = await repo.findById(tx, id);
      assertVisible(ctx.actor, before);
      const place = input.placeId === undefined ? null : await placeOf(tx, ctx, input.placeId);
      const phone = input.contactPhone === undefined ? await repo.phoneOf(tx, id) : null;
      const next: repo.EnterpriseFields = {
        creditCode: input.creditCode ?? before.credit_code,
        name: input.name ?? before.name,
        kind: input.kind ?? before.kind,
        placeId: place?.id ?? Number(before.place_id),
        placePath: place?.path ?? before.place_path,
        address: input.address ?? before.address,
        contactName: input.contactName ?? before.contact_name,
        workshopType: input.workshopType === undefined ? before.workshop_type : input.workshopType,
        ...(phone
          ? { contactPhoneCipher: phone.contact_phone_cipher, contactPhoneMasked: phone.contact_phone_masked }
          : sealPhone(cipher, input.contactPhone ?? null)),
      };
      if (!(await repo.update(tx, id, input.version, next))) throw stale();
      const fields = Object.keys(input).filter((k) => k !== 'version');
      await audit(tx, ctx, {
        action: 'enterprise.update',
        targetType: 'enterprise',
        targetId: id,
        detail: { fields, version: input.version + 1 },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
  return get(database, ctx, id);
}

export async function list(database: Database, ctx: Ctx, q: EnterpriseQuery) {
  const place = q.placeId === undefined ? undefined : await placeById(database.db, q.placeId);
  const [minimum] = await norms(database.db, WORKSHOP_NORM);
  const { items, total } = await repo.list(
    database.db,
    enterpriseScope(ctx.actor),
    {
      q: q.q,
      kind: q.kind,
      workshop: q.workshop,
      place: q.placeId === undefined ? undefined : underPlace(place?.path),
    },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const staff = await staffOf(database.db, items);
  return { items: items.map((r) => present(r, minimum, staff)), total, page: q.page, pageSize: q.pageSize };
}

/** The workshop types and the recognition criterion with the rule it follows. */
export async function workshopTypes(database: Database) {
  const [types, [norm]] = await Promise.all([
    dictionary(database, 'workshop_type'),
    normsWithSources(database.db, WORKSHOP_NORM),
  ]);
  return { types, minimumEmployed: norm.value, sourceZh: norm.sourceZh, sourceEn: norm.sourceEn };
}
