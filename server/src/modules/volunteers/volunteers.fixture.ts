import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  addPlace,
  makeTree,
  signIn,
  uniqueIdNumber,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

/** A place tree with the community's organizer. */
export interface VolunteerWorld {
  tree: Tree;
  organizer: Client;
}

export async function volunteerWorld(t: TestApp): Promise<VolunteerWorld> {
  const tree = await makeTree(t.database);
  return { tree, organizer: await signIn(t, ['community_staff'], [tree.community]) };
}

/** A valid ID number no other test file is likely to register. */
export const idNumber = () => uniqueIdNumber(randomInt(20_000_000));

/** A resident of a new dwelling of the community, registered as a volunteer. */
export async function newVolunteer(t: TestApp, w: VolunteerWorld, name = '张志远') {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${randomInt(1e6)}`);
  const c = await signIn(t, ['resident'], [dwelling]);
  const res = await c.post('/api/volunteers/me', {
    name,
    idNumber: idNumber(),
    phone: '13912345678',
    skills: ['elder_care'],
    availability: ['weekend'],
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return { client: c, id: res.json().id as string, dwelling };
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** An activity of the community from `from` to `to` minutes from now. */
export const activity = (
  c: Client,
  placeId: number,
  from = -10,
  to = 60,
  over: Record<string, unknown> = {},
) =>
  c.post('/api/volunteers/activities', {
    title: '敬老院陪伴服务',
    placeId: String(placeId),
    address: '社区养老服务中心',
    startsAt: minutes(from),
    endsAt: minutes(to),
    slots: 10,
    skills: ['elder_care'],
    ...over,
  });

export async function newActivity(
  c: Client,
  placeId: number,
  from = -10,
  to = 60,
  over: Record<string, unknown> = {},
) {
  const res = await activity(c, placeId, from, to, over);
  if (res.statusCode !== 201) throw new Error(`activity: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function signedUp(v: Client, activityId: string) {
  const res = await v.post(`/api/volunteers/me/activities/${activityId}/signup`);
  if (res.statusCode !== 201) throw new Error(`sign up: ${res.statusCode} ${res.body}`);
  return res.json().mine.id as string;
}

/** The code shown at the activity, as its organizer reads it. */
export async function codeOf(organizer: Client, activityId: string) {
  const res = await organizer.get(`/api/volunteers/activities/${activityId}/code`);
  if (res.statusCode !== 200) throw new Error(`code: ${res.statusCode} ${res.body}`);
  return res.json().token as string;
}

/** A volunteer signed up, checked in and out by the code: their sign-up id. */
export async function served(w: VolunteerWorld, v: Client, activityId: string) {
  const signup = await signedUp(v, activityId);
  const token = await codeOf(w.organizer, activityId);
  for (const action of ['in', 'out']) {
    const res = await v.post('/api/volunteers/me/check', { token, action });
    if (res.statusCode !== 200) throw new Error(`check ${action}: ${res.statusCode} ${res.body}`);
  }
  return signup;
}

/** A sign-up written straight into the database, for an activity whose sign-up time is past. */
export async function pastSignup(t: TestApp, activityId: string, volunteerId: string) {
  const [row] = await t.database.query<{ id: number }>(
    'INSERT INTO volunteer_signups (activity_id, volunteer_id) VALUES ($1, $2) RETURNING id',
    [Number(activityId), Number(volunteerId)],
  );
  await t.database.db.execute(
    sql`UPDATE volunteer_activities SET signed_up = signed_up + 1 WHERE id = ${Number(activityId)}`,
  );
  return String(row.id);
}
