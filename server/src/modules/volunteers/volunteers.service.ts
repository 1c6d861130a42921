import {
  can,
  maskName,
  type Team,
  type TeamCreate,
  type Volunteer,
  type VolunteerQuery,
  type VolunteerRegister,
  type VolunteerSelfRegister,
  type VolunteerUpdate,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import { sealIdNumber, sealPhone } from '../registry/registry.service.ts';
import * as orgs from '../services/orgs.service.ts';
import { accountByUsername } from '../users/users.service.ts';
import * as policy from './volunteers.policy.ts';
import * as repo from './volunteers.repo.ts';
import type { TeamRow, VolunteerRow } from './volunteers.sql.ts';

const presentVolunteer = (r: VolunteerRow): Volunteer => ({
  id: String(r.id),
  name: r.name,
  idMasked: r.id_masked,
  phoneMasked: r.phone_masked,
  placeId: String(r.place_id),
  placeName: r.place_name,
  teamId: r.team_id === null ? null : String(r.team_id),
  teamName: r.team_name,
  skills: r.skills,
  availability: r.availability,
  hours: Number(r.hours),
  version: r.version,
});

const presentTeam = (r: TeamRow): Team => ({
  id: String(r.id),
  name: r.name,
  placeId: String(r.place_id),
  placeName: r.place_name,
  orgId: r.org_id === null ? null : String(r.org_id),
  orgName: r.org_name,
  members: r.members,
});

const registered = (field: string) =>
  new AppError('duplicate', 'registered already', [
    { field, reason: 'is registered as a volunteer already' },
  ]);

async function register(
  tx: Conn,
  ctx: Ctx,
  cipher: Cipher,
  input: VolunteerSelfRegister,
  place: { id: number; path: string },
  userId: number | null,
  teamId: number | null,
) {
  const id = sealIdNumber(cipher, input.idNumber);
  const phone = sealPhone(cipher, input.phone);
  const volunteerId = await repo.insertVolunteer(tx, {
    userId,
    name: input.name,
    nameMasked: maskName(input.name),
    id,
    phone,
    place,
    teamId,
    skills: [...new Set(input.skills)],
    availability: [...new Set(input.availability)],
  });
  if (!volunteerId)
    throw registered(userId !== null && (await repo.volunteerOfUser(tx, userId)) ? 'username' : 'idNumber');
  await audit(tx, ctx, {
    action: 'volunteer.register',
    targetType: 'volunteer',
    targetId: volunteerId,
    detail: { idMasked: id.masked, self: userId === ctx.actor.userId },
  });
  return volunteerId;
}

/** The caller registers themselves by real name, on the place of their account. */
export async function registerSelf(
  database: Database,
  ctx: Ctx,
  cipher: Cipher,
  input: VolunteerSelfRegister,
) {
  const id = await database.db.transaction(async (tx) => {
    if (await repo.volunteerOfUser(tx, ctx.actor.userId))
      throw new AppError('duplicate', 'registered already', [
        { field: 'name', reason: 'you are registered as a volunteer already' },
      ]);
    const scope = ctx.actor.scopes[0];
    if (!scope) throw invalid('name', 'your account has no place: ask the community to register you');
    return register(tx, ctx, cipher, input, scope, ctx.actor.userId, null);
  });
  return presentVolunteer((await repo.findVolunteer(database.db, id))!);
}

/** An organizer registers a volunteer on a place of their scope, linked to an account and a team when given. */
export async function registerBy(database: Database, ctx: Ctx, cipher: Cipher, input: VolunteerRegister) {
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    policy.assertPlace(ctx.actor, place);
    const teamId = input.teamId === undefined ? null : await teamOn(tx, ctx, input.teamId);
    let userId: number | null = null;
    if (input.username) {
      const account = await accountByUsername(tx, input.username);
      if (!account || !can(account.roles, 'volunteer:serve'))
        throw invalid('username', 'not an account that may volunteer');
      userId = account.id;
    }
    return register(tx, ctx, cipher, input, place!, userId, teamId);
  });
  return presentVolunteer((await repo.findVolunteer(database.db, id))!);
}

async function teamOn(conn: Conn, ctx: Ctx, teamId: number) {
  const team = await repo.findTeam(conn, teamId);
  if (!team || !policy.mayOrganize(ctx.actor, team.place_path)) throw invalid('teamId', 'unknown team');
  return teamId;
}

/** The caller's own registration; 404 when they have not registered. */
export async function me(database: Database, ctx: Ctx) {
  const row = await repo.volunteerOfUser(database.db, ctx.actor.userId);
  if (!row) throw notFound('volunteer');
  return presentVolunteer(row);
}

/** The caller changes their skills and availability from the version they read (409 when stale). */
export async function updateSelf(database: Database, ctx: Ctx, input: VolunteerUpdate) {
  const id = await database.db.transaction(async (tx) => {
    const before = await volunteerOf(tx, ctx);
    const done = await repo.updateVolunteer(tx, before.id, input.version, {
      skills: [...new Set(input.skills ?? before.skills)],
      availability: [...new Set(input.availability ?? before.availability)],
    });
    if (!done)
      throw new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);
    await audit(tx, ctx, { action: 'volunteer.update', targetType: 'volunteer', targetId: before.id });
    return before.id;
  });
  return presentVolunteer((await repo.findVolunteer(database.db, id))!);
}

/** The volunteer the caller is, inside a transaction; 404 naming what to do when they have not registered. */
export async function volunteerOf(conn: Conn, ctx: Ctx) {
  const row = await repo.volunteerOfUser(conn, ctx.actor.userId);
  if (!row) throw new AppError('not_found', 'register as a volunteer first');
  return row;
}

/** The volunteers registered in the caller's scope, masked. */
export async function list(database: Database, ctx: Ctx, q: VolunteerQuery) {
  const { items, total } = await repo.listVolunteers(
    database.db,
    policy.volunteerScope(ctx.actor),
    { q: q.q, skill: q.skill },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentVolunteer), total, page: q.page, pageSize: q.pageSize };
}

/** A team on a place of the caller's scope, belonging to a social organization they see when named. */
export async function createTeam(database: Database, ctx: Ctx, input: TeamCreate) {
  if (input.orgId !== undefined)
    await orgs.get(database, ctx, input.orgId).catch(() => {
      throw invalid('orgId', 'unknown organization');
    });
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    policy.assertPlace(ctx.actor, place);
    const teamId = await repo.insertTeam(
      tx,
      { name: input.name, place: place!, orgId: input.orgId ?? null },
      ctx.actor.userId,
    );
    await audit(tx, ctx, { action: 'volunteer.team_create', targetType: 'volunteer_team', targetId: teamId });
    return teamId;
  });
  return presentTeam((await repo.findTeam(database.db, id))!);
}

export async function teams(database: Database, ctx: Ctx) {
  return (await repo.listTeams(database.db, policy.teamScope(ctx.actor))).map(presentTeam);
}

/** An approved record as the points ledger takes it: the hours it sets and the change to the hours that count. */
export interface ApprovedHours {
  recordId: number;
  volunteerId: number;
  userId: number | null;
  activityId: number;
  hours: number;
  /** Hours added (or, for a correction downwards, taken away) by this record. */
  delta: number;
  correctsId: number | null;
  approvedAt: string;
}

/**
 * Approved hours as events, oldest first, after the record `cursor` (0 for the first): the points
 * ledger reads them from where it stopped and keeps the last record id as its cursor.
 */
export async function approvedAfter(conn: Conn, cursor: number, limit = 500): Promise<ApprovedHours[]> {
  return (await repo.approvedAfter(conn, cursor, limit)).map((r) => ({
    recordId: Number(r.id),
    volunteerId: Number(r.volunteer_id),
    userId: r.user_id === null ? null : Number(r.user_id),
    activityId: Number(r.activity_id),
    hours: Number(r.hours),
    delta: Number(r.delta),
    correctsId: r.corrects_id === null ? null : Number(r.corrects_id),
    approvedAt: r.approved_at,
  }));
}
