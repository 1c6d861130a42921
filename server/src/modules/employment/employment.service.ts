import type {
  EmploymentRecord,
  EmploymentRecordCreate,
  EmploymentRecordUpdate,
  HouseholdEmployment,
  LabourProfile,
  LabourProfileInput,
  LabourQuery,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { linkable } from '../enterprises/enterprises.service.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import {
  assertPersonVisible,
  assertResidenceSide,
  labourScope,
  mayKeep,
  oneHousehold,
  seesMember,
} from './employment.policy.ts';
import * as repo from './employment.repo.ts';
import type { RecordRow } from './employment.sql.ts';
import { jobsEnded, latestOf, recheckHousehold, today } from './zero.service.ts';

const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

const presentRecord = (r: RecordRow): EmploymentRecord => ({
  id: String(r.id),
  personId: String(r.person_id),
  kind: r.kind as EmploymentRecord['kind'],
  employerName: r.employer_name,
  enterpriseId: r.enterprise_id === null ? null : String(r.enterprise_id),
  place: r.place,
  monthlyWage: Number(r.monthly_wage),
  startOn: r.start_on,
  endOn: r.end_on,
  source: r.source as EmploymentRecord['source'],
  verified: r.verified,
  current: r.current,
  version: r.version,
});

const presentProfile = (p: repo.ProfileRow): LabourProfile => ({
  skills: p.skills,
  trainingWishes: p.training_wishes,
  workPreference: p.work_preference as LabourProfile['workPreference'],
  notWorkingReason: p.not_working_reason as LabourProfile['notWorkingReason'],
  note: p.note,
  version: p.version,
  updatedAt: new Date(p.updated_at).toISOString(),
});

/** The household's living members with their labour entries and records, and its latest zero-employment flag. */
export async function ofHousehold(
  database: Database,
  ctx: Ctx,
  householdId: number,
): Promise<HouseholdEmployment> {
  const conn = database.db;
  const household = await repo.householdPaths(conn, householdId);
  assertHouseholdVisible(ctx.actor, household);
  const on = today();
  const members = (await repo.membersOf(conn, householdId, on)).filter((m) =>
    seesMember(ctx.actor, household.residence_path, m),
  );
  const ids = members.map((m) => m.id);
  const [profiles, records] = await Promise.all([repo.profilesOf(conn, ids), repo.recordsOf(conn, ids, on)]);
  return {
    householdId: String(householdId),
    mayKeep: mayKeep(ctx.actor, household.residence_path),
    members: members.map((m) => {
      const p = profiles.find((x) => Number(x.person_id) === Number(m.id));
      return {
        personId: String(m.id),
        name: m.name,
        relation: m.relation,
        age: m.age,
        labourCapacity: m.labour_capacity,
        education: m.education as HouseholdEmployment['members'][number]['education'],
        labourForce: m.labour_force,
        employed: m.employed,
        profile: p ? presentProfile(p) : null,
        records: records.filter((r) => Number(r.person_id) === Number(m.id)).map(presentRecord),
      };
    }),
    zeroEmployment: await latestOf(conn, householdId),
  };
}

/** A living person the caller keeps employment of: seen (else 404) and on the residence side (else 403). */
async function keptPerson(conn: Conn, ctx: Ctx, personId: number, field?: string) {
  const person = await repo.findPerson(conn, personId, today());
  assertPersonVisible(ctx.actor, person?.status === 'living' ? person : undefined, 'person', field);
  assertResidenceSide(ctx.actor, person);
  return person;
}

/** Makes or changes a person's labour register entry (409 on a stale version). */
export async function saveProfile(database: Database, ctx: Ctx, personId: number, input: LabourProfileInput) {
  await database.db.transaction(async (tx) => {
    const person = await keptPerson(tx, ctx, personId);
    if (!person.labour_force) throw invalid('params.id', 'is not of working age with labour capacity');
    if (!(await repo.saveProfile(tx, personId, input.version, input, ctx.actor.userId))) throw stale();
    await audit(tx, ctx, {
      action: 'employment.labour',
      targetType: 'person',
      targetId: personId,
      detail: { version: (input.version ?? 0) + 1 },
    });
  });
  const [profile] = await repo.profilesOf(database.db, [personId]);
  return presentProfile(profile);
}

function checkDates(startOn: string, endOn: string | null) {
  if (endOn !== null && endOn < startOn) throw invalid('endOn', 'is before startOn');
}

/** The labour force in scope, from either side, optionally only the employed or the not employed. */
export async function labourList(database: Database, ctx: Ctx, q: LabourQuery) {
  const { items, total } = await repo.labourList(
    database.db,
    labourScope(ctx.actor),
    q.employed === undefined ? undefined : q.employed === 'true',
    today(),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    items: items.map((r) => ({
      personId: String(r.id),
      householdId: String(r.household_id),
      householdNo: r.household_no,
      name: r.name,
      age: r.age,
      labourCapacity: r.labour_capacity,
      employed: r.employed,
      workPreference: r.work_preference as LabourProfile['workPreference'],
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Whether a record ending on `endOn` is current today. */
const currentToday = (endOn: string | null) => endOn === null || endOn >= today();

/**
 * Adds a job of a person; the household's zero-employment flag follows in the same transaction, and is
 * only looked at when the job is current and nobody of the household was employed: no other addition
 * changes it.
 */
export async function createRecord(database: Database, ctx: Ctx, input: EmploymentRecordCreate) {
  checkDates(input.startOn, input.endOn);
  const row = await database.db.transaction(async (tx) => {
    const person = await keptPerson(tx, ctx, input.personId, 'personId');
    if (input.enterpriseId !== null) await linkable(tx, ctx.actor, input.enterpriseId);
    const added = await repo.insertRecord(
      tx,
      person.id,
      input,
      {
        ctx,
        action: 'employment.record_create',
        detail: { kind: input.kind },
      },
      today(),
    );
    if (!person.household_employed && currentToday(input.endOn))
      await recheckHousehold(tx, Number(person.household_id));
    return added;
  });
  return presentRecord(row);
}

const FIELDS = [
  ['kind', 'kind'],
  ['employerName', 'employer_name'],
  ['enterpriseId', 'enterprise_id'],
  ['place', 'place'],
  ['monthlyWage', 'monthly_wage'],
  ['startOn', 'start_on'],
  ['endOn', 'end_on'],
  ['source', 'source'],
  ['verified', 'verified'],
] as const;

/** What a monitoring lead says of a lost job. */
const jobLostNote = (name: string, r: { employerName: string; endOn: string | null }) =>
  `${name}在${r.employerName}的工作于${r.endOn}结束，家中已无人在岗`;

/** Changes or ends a record from the version it was read at (409 when stale), its history kept. */
export async function updateRecord(database: Database, ctx: Ctx, id: number, input: EmploymentRecordUpdate) {
  const updated = await database.db.transaction(async (tx) => {
    const before = await repo.findRecord(tx, id, today());
    if (!before) throw notFound('employment record');
    const person = await repo.findPerson(tx, Number(before.person_id), today());
    assertPersonVisible(ctx.actor, person, 'employment record');
    assertResidenceSide(ctx.actor, person);
    const next: repo.RecordFields = {
      kind: input.kind ?? before.kind,
      employerName: input.employerName ?? before.employer_name,
      enterpriseId:
        input.enterpriseId === undefined
          ? before.enterprise_id && Number(before.enterprise_id)
          : input.enterpriseId,
      place: input.place ?? before.place,
      monthlyWage: input.monthlyWage ?? Number(before.monthly_wage),
      startOn: input.startOn ?? before.start_on,
      endOn: input.endOn === undefined ? before.end_on : input.endOn,
      source: input.source ?? before.source,
      verified: input.verified ?? before.verified,
    };
    checkDates(next.startOn, next.endOn);
    if (next.enterpriseId && next.enterpriseId !== Number(before.enterprise_id))
      await linkable(tx, ctx.actor, next.enterpriseId);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [key, column] of FIELDS) {
      const was =
        column === 'monthly_wage' || (column === 'enterprise_id' && before[column] !== null)
          ? Number(before[column])
          : before[column];
      if (was !== next[key]) changes[key] = [was, next[key]];
    }
    const ended = before.end_on === null && next.endOn !== null;
    const row = await repo.updateRecord(
      tx,
      id,
      input.version,
      next,
      { event: ended ? 'end' : 'update', changes },
      {
        ctx,
        action: ended ? 'employment.record_end' : 'employment.record_update',
        detail: { fields: Object.keys(changes) },
      },
      today(),
    );
    if (!row) throw stale();
    if (before.current !== row.current) await recheckHousehold(tx, Number(person.household_id));
    if (before.current && next.endOn !== null && next.endOn < today())
      await jobsEnded(tx, ctx, oneHousehold(Number(person.household_id)), jobLostNote(person.name, next));
    return row;
  });
  return presentRecord(updated);
}

/** A record's changes, newest first. */
export async function historyOf(database: Database, ctx: Ctx, id: number) {
  const record = await repo.findRecord(database.db, id, today());
  const person = record && (await repo.findPerson(database.db, Number(record.person_id), today()));
  assertPersonVisible(ctx.actor, person || undefined, 'employment record');
  return (await repo.historyOf(database.db, id)).map((h) => ({
    event: h.event,
    version: h.version,
    changes: h.changes,
    actorName: h.actor_name,
    at: new Date(h.at).toISOString(),
  }));
}

/** A person as the labour register sees them today: paths, status and whether they are of the labour force. */
export const labourPerson = (conn: Conn, personId: number) => repo.findPerson(conn, personId, today());
