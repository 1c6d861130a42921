import { normalisePhone } from '@anju/contracts';
import type { Person, PersonInput, PersonQuery, PersonSearch, PersonUpdate } from '@anju/contracts';
import type { Database, Conn } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { initialsOf } from '../places/places.service.ts';
import { recheckHousehold } from '../employment/zero.service.ts';
import * as history from './history.repo.ts';
import * as households from './households.repo.ts';
import { duplicateId, idHash, phoneHash, sealIdNumber, sealPhone } from './identity.ts';
import { placeOfLevel, type PlaceRef } from './places.lookup.ts';
import * as repo from './persons.repo.ts';
import { underPath } from '../places/places.service.ts';
import { presentHistory, presentPerson } from './present.ts';
import {
  assertMayFind,
  assertResidenceSide,
  assertTagsAllowed,
  assertVisible,
  hiddenTags,
  mayReveal,
  personSides,
  seesHealth,
  sideOf,
} from './registry.policy.ts';
import type { PersonRow } from './registry.sql.ts';

const HUKOU_LEVELS = ['village', 'community'];
const stale = () =>
  conflict('the record was changed by someone else; reload and try again', [
    { field: 'version', reason: 'stale' },
  ]);

/** A list's filter, checked against what the actor may filter by. */
export async function filterOf(database: Database, ctx: Ctx, q: PersonQuery): Promise<repo.PersonFilter> {
  assertTagsAllowed(ctx.actor, q.tags, 'querystring.tags');
  const filter: repo.PersonFilter = {
    ...q,
    room: q.q ? repo.parseRoom(q.q) : undefined,
    byYear: !mayReveal(ctx.actor),
  };
  if (q.under) filter.underPath = await underPath(database.db, q.under);
  return filter;
}

async function page(database: Database, ctx: Ctx, q: PersonQuery, filter: repo.PersonFilter) {
  const { items, total } = await repo.list(
    database.db,
    personSides(ctx.actor, q.side),
    filter,
    filter.byYear && q.sort === 'age' ? 'age_year' : q.sort,
    q.order,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map((r) => presentPerson(ctx.actor, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function list(database: Database, ctx: Ctx, q: PersonQuery) {
  return page(database, ctx, q, await filterOf(database, ctx, q));
}

/**
 * The list found by a whole ID or phone number, for holders of the permission of each. The audit row
 * says that a search happened, by what and what it found, never the number searched.
 */
export async function search(database: Database, cipher: Cipher, ctx: Ctx, q: PersonSearch) {
  assertMayFind(ctx.actor, q);
  const { idNumber, phone, ...rest } = q;
  const filter = await filterOf(database, ctx, rest);
  if (idNumber) filter.idHash = idHash(cipher, idNumber.toUpperCase());
  if (phone) filter.phoneHash = phoneHash(cipher, normalisePhone(phone) ?? phone);
  const found = await page(database, ctx, rest, filter);
  await audit(database.db, ctx, {
    action: 'person.search',
    targetType: 'person',
    targetId: found.total === 1 ? found.items[0].id : undefined,
    detail: { by: (['idNumber', 'phone'] as const).filter((k) => q[k] !== undefined), found: found.total },
  });
  return found;
}

export async function get(database: Database, ctx: Ctx, id: number): Promise<Person> {
  const row = await repo.findById(database.db, id);
  assertVisible(ctx.actor, row, (r) => sideOf(ctx.actor, r.residence_path, r.hukou_path));
  return presentPerson(ctx.actor, row);
}

/** Refuses ID numbers already registered, naming the holder only when the caller may see them. */
export async function assertIdsFree(conn: Conn, ctx: Ctx, hashes: { hash: string; field: string }[]) {
  const taken = await repo.findByIdHashes(
    conn,
    hashes.map((h) => h.hash),
  );
  for (const t of taken) {
    const field = hashes.find((h) => h.hash === t.id_hash)!.field;
    throw duplicateId(field, sideOf(ctx.actor, t.residence_path, t.hukou_path) ? t.name : null);
  }
}

/** Validates and seals one member for insertion into `household` at `residence`. */
export async function prepareMember(
  conn: Conn,
  cipher: Cipher,
  input: PersonInput,
  at: { householdId: number; residence: PlaceRef },
  field: string,
): Promise<repo.NewPerson> {
  const id = sealIdNumber(cipher, input.idNumber, `${field}.idNumber`);
  const phone = sealPhone(cipher, input.phone, `${field}.phone`);
  const hukou = await placeOfLevel(conn, Number(input.hukouPlaceId), HUKOU_LEVELS, `${field}.hukouPlaceId`);
  return {
    householdId: at.householdId,
    relation: input.relation,
    name: input.name,
    initials: initialsOf(input.name).slice(0, 32),
    idCipher: id.cipher,
    idHash: id.hash,
    idMasked: id.masked,
    sex: id.parsed.sex,
    birthDate: id.parsed.birthDate,
    ethnicity: input.ethnicity,
    phoneCipher: phone?.cipher ?? null,
    phoneHash: phone?.hash ?? null,
    phoneMasked: phone?.masked ?? null,
    education: input.education ?? null,
    health: input.health,
    disabilityGrade: input.disabilityGrade ?? null,
    labourCapacity: input.labourCapacity,
    tags: [...new Set(input.tags)],
    partyMember: input.partyMember,
    hukouPlaceId: hukou.id,
    hukouPath: hukou.path,
    residencePlaceId: at.residence.id,
    residencePath: at.residence.path,
  };
}

const TRACKED: (keyof repo.NewPerson)[] = [
  'relation',
  'name',
  'ethnicity',
  'phoneMasked',
  'education',
  'health',
  'disabilityGrade',
  'labourCapacity',
  'tags',
  'partyMember',
  'hukouPlaceId',
];

export async function update(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  id: number,
  input: PersonUpdate,
): Promise<Person> {
  if ((input.health !== undefined || input.disabilityGrade !== undefined) && !seesHealth(ctx.actor)) {
    throw forbidden('changing health and disability requires person:health');
  }
  assertTagsAllowed(ctx.actor, input.tags, 'tags');
  await database.db.transaction(async (tx) => {
    const before = await repo.findById(tx, id, true);
    assertVisible(ctx.actor, before, (r) => sideOf(ctx.actor, r.residence_path, r.hukou_path));
    assertResidenceSide(ctx.actor, before.residence_path);
    const patch: Partial<repo.NewPerson> = {
      relation: input.relation,
      name: input.name,
      initials: input.name ? initialsOf(input.name).slice(0, 32) : undefined,
      ethnicity: input.ethnicity,
      education: input.education,
      health: input.health,
      disabilityGrade: input.disabilityGrade,
      labourCapacity: input.labourCapacity,
      tags: input.tags ? [...new Set([...input.tags, ...hiddenTags(ctx.actor, before.tags)])] : undefined,
      partyMember: input.partyMember,
    };
    if (input.phone !== undefined) {
      const phone = sealPhone(cipher, input.phone);
      Object.assign(patch, {
        phoneCipher: phone?.cipher ?? null,
        phoneHash: phone?.hash ?? null,
        phoneMasked: phone?.masked ?? null,
      });
    }
    if (input.hukouPlaceId) {
      const hukou = await placeOfLevel(tx, Number(input.hukouPlaceId), HUKOU_LEVELS, 'hukouPlaceId');
      Object.assign(patch, { hukouPlaceId: hukou.id, hukouPath: hukou.path });
    }
    const changes = diff(before, patch);
    if (!(await repo.update(tx, id, input.version, patch))) throw stale();
    if (input.relation === 'head' && before.relation !== 'head') {
      await demoteOtherHeads(tx, ctx, before.household_id, id);
    }
    await households.refreshSummary(tx, before.household_id);
    if (changes.labourCapacity) await recheckHousehold(tx, before.household_id);
    await history.record(tx, ctx, [
      {
        householdId: before.household_id,
        personId: id,
        event: 'update',
        version: input.version + 1,
        changes,
      },
    ]);
    await audit(tx, ctx, {
      action: 'person.update',
      targetType: 'person',
      targetId: id,
      detail: { fields: Object.keys(changes) },
    });
  });
  return get(database, ctx, id);
}

/** A household has one head: naming a new one makes the former head a plain member ('other'). */
async function demoteOtherHeads(conn: Conn, ctx: Ctx, householdId: number, newHead: number) {
  const others = await repo.otherHeads(conn, householdId, newHead);
  for (const o of others) {
    await repo.update(conn, o.id, null, { relation: 'other' });
    await history.record(conn, ctx, [
      {
        householdId,
        personId: o.id,
        event: 'update',
        version: o.version + 1,
        changes: { relation: ['head', 'other'] },
      },
    ]);
  }
}

/** Field by field before → after, phone numbers masked on both sides. */
function diff(before: PersonRow, patch: Partial<repo.NewPerson>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of TRACKED) {
    const next = patch[key];
    if (next === undefined) continue;
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as keyof PersonRow;
    const prev = before[snake];
    if (JSON.stringify(prev) !== JSON.stringify(next))
      out[key === 'phoneMasked' ? 'phone' : key] = [prev ?? null, next];
  }
  return out;
}

/** Shows an ID or phone number in full to a permitted user; every reveal is audited. */
export async function reveal(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  id: number,
  field: 'idNumber' | 'phone',
) {
  const row = await repo.findById(database.db, id);
  assertVisible(ctx.actor, row, (r) => sideOf(ctx.actor, r.residence_path, r.hukou_path));
  const token = field === 'idNumber' ? row.id_cipher : row.phone_cipher;
  const value = token ? cipher.decrypt(token) : null;
  await audit(database.db, ctx, {
    action: 'person.reveal',
    targetType: 'person',
    targetId: id,
    detail: { field },
  });
  return { field, value };
}

export async function historyOf(database: Database, ctx: Ctx, id: number) {
  await get(database, ctx, id);
  return presentHistory(ctx.actor, await history.ofPerson(database.db, id));
}
