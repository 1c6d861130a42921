import type { HouseholdDetail, LifeEventInput } from '@anju/contracts';
import type { Database, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { audit } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/errors.ts';
import * as history from './history.repo.ts';
import * as repo from './households.repo.ts';
import { freeDwelling, get, householdSide, staleHousehold } from './households.service.ts';
import * as persons from './persons.repo.ts';
import { assertIdsFree, prepareMember } from './persons.service.ts';
import { communityOf } from './places.lookup.ts';
import { assertResidenceSide, assertVisible } from './registry.policy.ts';
import type { HouseholdRow, PersonRow } from './registry.sql.ts';
import { recheckHousehold } from '../employment/zero.service.ts';

interface EventCtx {
  tx: Tx;
  ctx: Ctx;
  cipher: Cipher;
  household: HouseholdRow;
  members: PersonRow[];
  input: LifeEventInput;
}

const need = <T>(value: T | undefined, field: string): T => {
  if (value === undefined) throw invalid(field, 'is required for this event');
  return value;
};

function livingMember(e: EventCtx, personId: string | undefined, field = 'personId'): PersonRow {
  const m = e.members.find((p) => p.id === Number(need(personId, field)) && p.status === 'living');
  if (!m) throw invalid(field, 'is not a living member of this household');
  return m;
}

/** Each life event changes the household and returns what the history should say. */
const HANDLERS: Record<LifeEventInput['event'], (e: EventCtx) => Promise<history.HistoryInput[]>> = {
  async birth(e) {
    return addMember(e, true);
  },
  async move_in(e) {
    return addMember(e, false);
  },
  async death(e) {
    return setStatus(e, 'deceased');
  },
  async move_out(e) {
    return setStatus(e, 'moved_out');
  },
  async marriage(e) {
    const m = livingMember(e, e.input.personId);
    return [
      { householdId: e.household.id, personId: m.id, event: 'marriage', version: m.version, changes: {} },
    ];
  },
  async change_dwelling(e) {
    const dwelling = await freeDwelling(e.tx, e.ctx, Number(need(e.input.dwellingId, 'dwellingId')));
    await repo.moveToDwelling(e.tx, e.household.id, dwelling);
    return [
      {
        householdId: e.household.id,
        event: 'change_dwelling',
        version: 0,
        changes: { dwelling: [e.household.dwelling_name, dwelling.name] },
      },
    ];
  },
  async split(e) {
    const ids = need(e.input.personIds, 'personIds');
    const leaving = ids.map((id, i) => livingMember(e, id, `personIds.${i}`));
    if (leaving.length >= e.members.filter((m) => m.status === 'living').length) {
      throw invalid('personIds', 'someone must stay in the household');
    }
    const dwelling = await freeDwelling(e.tx, e.ctx, Number(need(e.input.dwellingId, 'dwellingId')));
    const community = await communityOf(e.tx, dwelling.path);
    const h = e.household;
    const newId = await repo.insert(e.tx, {
      communityCode: community.code ?? String(community.id),
      dwellingId: dwelling.id,
      residencePath: dwelling.path,
      originVillageId: h.origin_village_id,
      originPath: h.origin_path,
      relocationYear: h.relocation_year,
      resettlementType: h.resettlement_type,
      povertyStatus: h.poverty_status,
    });
    const hasHead = leaving.some((m) => m.relation === 'head');
    for (const [i, m] of leaving.entries()) {
      await persons.update(e.tx, m.id, null, {
        householdId: newId,
        residencePlaceId: dwelling.id,
        residencePath: dwelling.path,
        relation: !hasHead && i === 0 ? 'head' : m.relation,
      });
    }
    await repo.refreshSummary(e.tx, newId);
    const moved = leaving.map((m) => m.name);
    await history.record(e.tx, e.ctx, [
      {
        householdId: newId,
        event: 'split',
        version: 1,
        changes: { from: [null, h.household_no], members: [null, moved] },
      },
    ]);
    return [{ householdId: h.id, event: 'split', version: 0, changes: { members: [moved, null] } }];
  },
  async merge(e) {
    const otherId = Number(need(e.input.otherHouseholdId, 'otherHouseholdId'));
    if (otherId === e.household.id) throw invalid('otherHouseholdId', 'cannot merge a household into itself');
    const other = await repo.findById(e.tx, otherId, true);
    if (!other || !householdSide(e.ctx)(other) || other.status !== 'active')
      throw invalid('otherHouseholdId', 'unknown household');
    assertResidenceSide(e.ctx.actor, other.residence_path);
    const incoming = (await persons.ofHousehold(e.tx, otherId)).filter((m) => m.status === 'living');
    for (const m of incoming) {
      await persons.update(e.tx, m.id, null, {
        householdId: e.household.id,
        residencePlaceId: e.household.residence_place_id,
        residencePath: e.household.residence_path,
        relation: m.relation === 'head' ? 'other' : m.relation,
      });
    }
    await repo.update(e.tx, otherId, other.version, { status: 'dissolved' });
    await repo.refreshSummary(e.tx, otherId);
    await history.record(e.tx, e.ctx, [
      {
        householdId: otherId,
        event: 'merge',
        version: other.version + 1,
        changes: { into: [null, e.household.household_no] },
      },
    ]);
    return [
      {
        householdId: e.household.id,
        event: 'merge',
        version: 0,
        changes: { from: [null, other.household_no], members: [null, incoming.map((m) => m.name)] },
      },
    ];
  },
};

async function addMember(e: EventCtx, birth: boolean): Promise<history.HistoryInput[]> {
  const input = need(e.input.person, 'person');
  const residence = {
    id: e.household.residence_place_id,
    level: 'dwelling',
    path: e.household.residence_path,
    code: null,
    name: e.household.residence_name,
  };
  const member = await prepareMember(
    e.tx,
    e.cipher,
    input,
    { householdId: e.household.id, residence },
    'person',
  );
  if (birth && member.birthDate !== e.input.date)
    throw invalid('person.idNumber', 'birth date {{date}} differs from the event date', {
      date: member.birthDate,
    });
  if (input.relation === 'head') throw invalid('person.relation', 'the household already has a head');
  await assertIdsFree(e.tx, e.ctx, [{ hash: member.idHash, field: 'person.idNumber' }]);
  const id = await persons.insert(e.tx, member);
  return [
    {
      householdId: e.household.id,
      personId: id,
      event: e.input.event,
      version: 1,
      changes: { name: [null, member.name] },
    },
  ];
}

async function setStatus(e: EventCtx, status: 'deceased' | 'moved_out'): Promise<history.HistoryInput[]> {
  const m = livingMember(e, e.input.personId);
  await persons.update(e.tx, m.id, null, { status });
  return [
    {
      householdId: e.household.id,
      personId: m.id,
      event: e.input.event,
      version: m.version + 1,
      changes: { status: ['living', status] },
    },
  ];
}

/** Applies a life event (birth, death, marriage, moving, splitting, merging, new dwelling) to a household. */
export async function applyEvent(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  householdId: number,
  input: LifeEventInput,
): Promise<HouseholdDetail> {
  await database.db.transaction(async (tx) => {
    const household = await repo.findById(tx, householdId, true);
    assertVisible(ctx.actor, household, householdSide(ctx));
    assertResidenceSide(ctx.actor, household.residence_path);
    if (household.status !== 'active')
      throw invalid('event', 'the household is {{status}}', { status: household.status });
    if (household.version !== input.version) throw staleHousehold();
    const members = await persons.ofHousehold(tx, householdId);
    const entries = await HANDLERS[input.event]({ tx, ctx, cipher, household, members, input });
    if (!(await repo.update(tx, householdId, input.version, {}))) throw staleHousehold();
    await repo.refreshSummary(tx, householdId);
    for (const id of new Set([householdId, ...entries.map((en) => en.householdId)]))
      await recheckHousehold(tx, id);
    const version = input.version + 1;
    await history.record(
      tx,
      ctx,
      entries.map((en) => ({
        ...en,
        version: en.householdId === householdId && !en.personId ? version : en.version,
        note: input.note,
        eventDate: input.date,
      })),
    );
    await audit(tx, ctx, {
      action: `household.${input.event}`,
      targetType: 'household',
      targetId: householdId,
      detail: { date: input.date },
    });
  });
  return get(database, ctx, householdId);
}
