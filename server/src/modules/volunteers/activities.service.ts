import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityQuery,
  CheckAction,
  CheckInCode,
  RosterEntry,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { norms } from '../../platform/norms.ts';
import { placeById } from '../places/places.service.ts';
import { issueCode, readCode } from './check-in-code.ts';
import * as policy from './volunteers.policy.ts';
import * as repo from './volunteers.repo.ts';
import { volunteerOf } from './volunteers.service.ts';
import type { ActivityRow, SignupRow } from './volunteers.sql.ts';

const presentActivity = (ctx: Ctx, r: ActivityRow, mine: SignupRow | null = null): Activity => ({
  id: String(r.id),
  title: r.title,
  placeId: String(r.place_id),
  placeName: r.place_name,
  address: r.address,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  slots: r.slots,
  signedUp: r.signed_up,
  skills: r.skills,
  teamName: r.team_name,
  mayOrganize: policy.mayOrganize(ctx.actor, r.place_path),
  mine: mine && {
    id: String(mine.id),
    checkedInAt: mine.checked_in_at,
    checkedOutAt: mine.checked_out_at,
    hours: mine.hours === null ? null : Number(mine.hours),
  },
});

const presentEntry = (s: SignupRow): RosterEntry => ({
  id: String(s.id),
  volunteerId: String(s.volunteer_id),
  name: s.name,
  phoneMasked: s.phone_masked,
  checkedInAt: s.checked_in_at,
  checkedInVia: s.checked_in_via,
  checkedOutAt: s.checked_out_at,
  checkedOutVia: s.checked_out_via,
  recordId: s.record_id === null ? null : String(s.record_id),
  hours: s.hours === null ? null : Number(s.hours),
});

/** A moment as people there read it, `2026-05-01 09:30` (China Standard Time). */
const local = (ms: number) =>
  new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

/** Activities the caller reaches, the latest first. */
export async function list(database: Database, ctx: Ctx, q: ActivityQuery) {
  const { items, total } = await repo.listActivities(
    database.db,
    policy.activityScope(ctx.actor),
    { status: q.status },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map((r) => presentActivity(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

/** An activity with its roster: the roster only for those who organize it. */
export async function get(database: Database, ctx: Ctx, id: number): Promise<ActivityDetail> {
  const activity = await repo.findActivity(database.db, id);
  policy.assertActivityVisible(ctx.actor, activity);
  const organizes = policy.mayOrganize(ctx.actor, activity.place_path);
  const roster = organizes ? await repo.roster(database.db, id) : [];
  return { ...presentActivity(ctx, activity), roster: roster.map(presentEntry) };
}

/** An activity on a county, township or community of the caller's scope. */
export async function create(database: Database, ctx: Ctx, input: ActivityCreate) {
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
    throw invalid('endsAt', 'must be after startsAt');
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    policy.assertPlace(ctx.actor, place);
    if (input.teamId !== undefined) {
      const team = await repo.findTeam(tx, input.teamId);
      if (!team || !policy.mayOrganize(ctx.actor, team.place_path)) throw invalid('teamId', 'unknown team');
    }
    const activityId = await repo.insertActivity(
      tx,
      { ...input, place: place!, skills: [...new Set(input.skills)], teamId: input.teamId ?? null },
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      action: 'volunteer.activity_create',
      targetType: 'volunteer_activity',
      targetId: activityId,
      detail: { title: input.title, slots: input.slots },
    });
    return activityId;
  });
  return get(database, ctx, id);
}

/** The activities open to the caller as a volunteer (on their place or above), with their own sign-up. */
export async function mine(database: Database, ctx: Ctx, q: ActivityQuery) {
  const volunteer = await volunteerOf(database.db, ctx);
  const { items, total } = await repo.listActivities(
    database.db,
    policy.openTo(volunteer.place_path),
    { status: q.status },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const signups = await repo.signupsOfVolunteer(
    database.db,
    volunteer.id,
    items.map((a) => a.id),
  );
  const of = (a: ActivityRow) => signups.find((s) => Number(s.activity_id) === Number(a.id)) ?? null;
  return {
    items: items.map((a) => presentActivity(ctx, a, of(a))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function openActivity(conn: Conn, volunteerPath: string, id: number) {
  const activity = await repo.findActivity(conn, id);
  if (!activity || !volunteerPath.startsWith(activity.place_path)) throw notFound('activity');
  return activity;
}

/** Signs the caller up: once an activity, never past its slots even when many sign up at once, never after it ended. */
export async function signUp(database: Database, ctx: Ctx, activityId: number) {
  const activity = await database.db.transaction(async (tx) => {
    const volunteer = await volunteerOf(tx, ctx);
    const found = await openActivity(tx, volunteer.place_path, activityId);
    if (Date.parse(found.ends_at) < Date.now())
      throw invalid('activityId', 'the activity ended at {{endsAt}}', {
        endsAt: local(Date.parse(found.ends_at)),
      });
    const done = await repo.signUp(tx, activityId, volunteer.id);
    if (done === 'signed_up_already')
      throw new AppError('duplicate', 'signed up already', [
        { field: 'activityId', reason: 'you are signed up already' },
      ]);
    if (done === 'full')
      throw new AppError('conflict', 'the activity is full', [
        {
          field: 'activityId',
          reason: 'the activity is full ({{slots}} slots)',
          params: { slots: found.slots },
        },
      ]);
    await audit(tx, ctx, {
      action: 'volunteer.sign_up',
      targetType: 'volunteer_activity',
      targetId: activityId,
      detail: { volunteerId: volunteer.id },
    });
    return found;
  });
  const signup = (await repo.signupOf(
    database.db,
    activityId,
    Number((await volunteerOf(database.db, ctx)).id),
  ))!;
  return presentActivity(ctx, (await repo.findActivity(database.db, activity.id))!, signup);
}

/** The code to show at an activity, for its organizers; it expires within minutes. */
export async function code(database: Database, ctx: Ctx, cipher: Cipher, id: number): Promise<CheckInCode> {
  const activity = await repo.findActivity(database.db, id);
  policy.assertActivityVisible(ctx.actor, activity);
  policy.assertOrganizes(ctx.actor, activity.place_path);
  const c = issueCode(cipher, id);
  return { ...c, path: `/volunteer/check-in?code=${encodeURIComponent(c.token)}` };
}

/**
 * Whether now is within the activity's time for the action: check-in from a little before it starts
 * to its end, check-out until a little after it ends (both governance norms); else the reason.
 */
async function assertOnTime(conn: Conn, activity: ActivityRow, action: CheckAction, field: string) {
  const [early, late] = await norms(
    conn,
    'volunteer_check_in_early_minutes',
    'volunteer_check_out_late_minutes',
  );
  const now = Date.now();
  const opens = Date.parse(activity.starts_at) - early * 60_000;
  const ends = Date.parse(activity.ends_at);
  if (now < opens) throw invalid(field, 'check-in opens at {{opensAt}}', { opensAt: local(opens) });
  if (action === 'in' && now > ends)
    throw invalid(field, 'the activity ended at {{endsAt}}', { endsAt: local(ends) });
  if (action === 'out' && now > ends + late * 60_000)
    throw invalid(field, 'check-out closed at {{closedAt}}', { closedAt: local(ends + late * 60_000) });
}

async function checkSignup(
  tx: Conn,
  ctx: Ctx,
  activity: ActivityRow,
  signup: SignupRow,
  action: CheckAction,
  via: 'qr' | 'organizer',
  field: string,
) {
  await assertOnTime(tx, activity, action, field);
  if (action === 'out' && signup.checked_in_at === null) throw invalid('action', 'has not checked in');
  if (!(await repo.check(tx, signup.id, action, via))) {
    if (action === 'in') throw invalid('action', 'is checked in already');
    throw invalid('action', 'is checked out already');
  }
  await audit(tx, ctx, {
    action: action === 'in' ? 'volunteer.check_in' : 'volunteer.check_out',
    targetType: 'volunteer_activity',
    targetId: activity.id,
    detail: { signupId: signup.id, via },
  });
}

/** The caller checks in or out with the code scanned at the activity. */
export async function scan(database: Database, ctx: Ctx, cipher: Cipher, token: string, action: CheckAction) {
  const activityId = readCode(cipher, token);
  const signupId = await database.db.transaction(async (tx) => {
    const volunteer = await volunteerOf(tx, ctx);
    const activity = await openActivity(tx, volunteer.place_path, activityId);
    const signup = await repo.signupOf(tx, activityId, volunteer.id);
    if (!signup) throw invalid('token', 'you have not signed up for this activity');
    await checkSignup(tx, ctx, activity, signup, action, 'qr', 'token');
    return signup.id;
  });
  const [activity, signup] = await Promise.all([
    repo.findActivity(database.db, activityId),
    repo.findSignup(database.db, signupId),
  ]);
  return presentActivity(ctx, activity!, signup!);
}

/** A sign-up of an activity the caller organizes; else 404. */
export async function organizedSignup(conn: Conn, ctx: Ctx, signupId: number) {
  const signup = await repo.findSignup(conn, signupId);
  const activity = signup && (await repo.findActivity(conn, signup.activity_id));
  if (!signup || !activity || !policy.mayOrganize(ctx.actor, activity.place_path)) throw notFound('sign-up');
  return { signup, activity };
}

/** The organizer confirms a volunteer's check-in or check-out on the spot, within the same times. */
export async function confirm(database: Database, ctx: Ctx, signupId: number, action: CheckAction) {
  await database.db.transaction(async (tx) => {
    const { signup, activity } = await organizedSignup(tx, ctx, signupId);
    await checkSignup(tx, ctx, activity, signup, action, 'organizer', 'action');
  });
  return presentEntry((await repo.findSignup(database.db, signupId))!);
}
