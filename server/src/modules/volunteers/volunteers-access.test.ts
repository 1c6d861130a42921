import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import {
  codeOf,
  idNumber,
  newActivity,
  newVolunteer,
  served,
  signedUp,
  volunteerWorld,
  type VolunteerWorld,
} from './volunteers.fixture.ts';

let t: TestApp;
let w: VolunteerWorld;
let outsider: Client;

interface Call {
  name: string;
  permission: Permission;
  ok: number;
  run(c: Client): Promise<LightMyRequestResponse>;
}

const register = (c: Client) =>
  c.post('/api/volunteers/me', {
    name: '赵丽',
    idNumber: idNumber(),
    skills: ['tutoring'],
    availability: [],
  });

/** The caller registered as a volunteer, having served an activity whose hours are approved. */
async function withHours(c: Client) {
  await register(c);
  const id = await newActivity(w.organizer, w.tree.community);
  const signup = await served(w, c, id);
  await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 });
}

/** A signed-up volunteer's sign-up on a running activity of the community, served or not. */
async function signupOnActivity(serve = false) {
  const id = await newActivity(w.organizer, w.tree.community);
  const v = await newVolunteer(t, w);
  return serve ? served(w, v.client, id) : signedUp(v.client, id);
}

async function approvedRecord() {
  const signup = await signupOnActivity(true);
  return (await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 })).json()
    .recordId as string;
}

const CALLS: Call[] = [
  { name: 'list volunteers', permission: 'volunteer:read', ok: 200, run: (c) => c.get('/api/volunteers') },
  {
    name: 'register a volunteer',
    permission: 'volunteer:organize',
    ok: 201,
    run: (c) =>
      c.post('/api/volunteers', {
        name: '钱进',
        idNumber: idNumber(),
        skills: [],
        availability: [],
        placeId: String(w.tree.community),
      }),
  },
  { name: 'list teams', permission: 'volunteer:read', ok: 200, run: (c) => c.get('/api/volunteers/teams') },
  {
    name: 'create a team',
    permission: 'volunteer:organize',
    ok: 201,
    run: (c) => c.post('/api/volunteers/teams', { name: '青年突击队', placeId: String(w.tree.community) }),
  },
  {
    name: 'list activities',
    permission: 'volunteer:read',
    ok: 200,
    run: (c) => c.get('/api/volunteers/activities'),
  },
  {
    name: 'create an activity',
    permission: 'volunteer:organize',
    ok: 201,
    run: (c) =>
      c.post('/api/volunteers/activities', {
        title: '环境清扫',
        placeId: String(w.tree.community),
        address: '小区广场',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 7_200_000).toISOString(),
        slots: 5,
        skills: ['cleaning'],
      }),
  },
  {
    name: 'read an activity',
    permission: 'volunteer:read',
    ok: 200,
    run: async (c) => c.get(`/api/volunteers/activities/${await newActivity(w.organizer, w.tree.community)}`),
  },
  {
    name: 'show the check-in code',
    permission: 'volunteer:organize',
    ok: 200,
    run: async (c) =>
      c.get(`/api/volunteers/activities/${await newActivity(w.organizer, w.tree.community)}/code`),
  },
  {
    name: 'confirm a check-in',
    permission: 'volunteer:organize',
    ok: 200,
    run: async (c) => c.post(`/api/volunteers/signups/${await signupOnActivity()}/check`, { action: 'in' }),
  },
  {
    name: 'approve hours',
    permission: 'volunteer:organize',
    ok: 200,
    run: async (c) =>
      c.post(`/api/volunteers/signups/${await signupOnActivity(true)}/approval`, { hours: 1 }),
  },
  {
    name: 'correct hours',
    permission: 'volunteer:organize',
    ok: 200,
    run: async (c) =>
      c.post(`/api/volunteers/records/${await approvedRecord()}/correction`, { hours: 0.5, reason: '早退' }),
  },
  { name: 'register myself', permission: 'volunteer:serve', ok: 201, run: (c) => register(c) },
  {
    name: 'my registration',
    permission: 'volunteer:serve',
    ok: 200,
    run: async (c) => {
      await register(c);
      return c.get('/api/volunteers/me');
    },
  },
  {
    name: 'change my skills',
    permission: 'volunteer:serve',
    ok: 200,
    run: async (c) => {
      await register(c);
      return c.patch('/api/volunteers/me', { skills: ['cooking'], version: 1 });
    },
  },
  {
    name: 'my activities',
    permission: 'volunteer:serve',
    ok: 200,
    run: async (c) => {
      await register(c);
      return c.get('/api/volunteers/me/activities');
    },
  },
  {
    name: 'sign up',
    permission: 'volunteer:serve',
    ok: 201,
    run: async (c) => {
      await register(c);
      return c.post(
        `/api/volunteers/me/activities/${await newActivity(w.organizer, w.tree.community)}/signup`,
      );
    },
  },
  {
    name: 'check in by the code',
    permission: 'volunteer:serve',
    ok: 200,
    run: async (c) => {
      await register(c);
      const id = await newActivity(w.organizer, w.tree.community);
      await c.post(`/api/volunteers/me/activities/${id}/signup`);
      return c.post('/api/volunteers/me/check', { token: await codeOf(w.organizer, id), action: 'in' });
    },
  },
  {
    name: 'my hours',
    permission: 'volunteer:serve',
    ok: 200,
    run: async (c) => {
      await register(c);
      return c.get('/api/volunteers/me/hours');
    },
  },
  {
    name: 'a certificate',
    permission: 'volunteer:serve',
    ok: 201,
    run: async (c) => {
      if (can(roleOf(c), 'volunteer:serve')) await withHours(c);
      return c.post('/api/volunteers/me/certificates');
    },
  },
  {
    name: "a certificate's PDF",
    permission: 'volunteer:serve',
    ok: 200,
    run: async (c) => {
      if (!can(roleOf(c), 'volunteer:serve'))
        return c.get('/api/volunteers/me/certificates/ZY2026-000001-ABCD/pdf');
      await withHours(c);
      const { serial } = (await c.post('/api/volunteers/me/certificates')).json();
      return c.get(`/api/volunteers/me/certificates/${serial}/pdf`);
    },
  },
];

const roles = new Map<string, Role[]>();
const roleOf = (c: Client) => roles.get(c.username)!;

beforeAll(async () => {
  t = await testApp();
  w = await volunteerWorld(t);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
});
afterAll(() => t.close());

describe('who may call the volunteer endpoints', () => {
  it.each(ROLES.map((r) => [r]))(
    '%s: allowed in scope where the matrix says, 403 elsewhere',
    async (role: Role) => {
      const c = await signIn(t, [role], ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);
      roles.set(c.username, [role]);
      for (const call of CALLS) {
        const res = await call.run(c);
        if (can([role], call.permission))
          expect(res.statusCode, `${role} ${call.name}: ${res.body}`).toBe(call.ok);
        else {
          expect(res.statusCode, `${role} ${call.name}`).toBe(403);
          expect(errorCode(res)).toBe('forbidden');
        }
      }
    },
  );

  it('answers 404 out of scope and lists nothing of another community', async () => {
    const v = await newVolunteer(t, w);
    const id = await newActivity(w.organizer, w.tree.community);
    const signup = await signedUp(v.client, id);
    const record = await approvedRecord();
    const calls = [
      outsider.get(`/api/volunteers/activities/${id}`),
      outsider.get(`/api/volunteers/activities/${id}/code`),
      outsider.post(`/api/volunteers/signups/${signup}/check`, { action: 'in' }),
      outsider.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 }),
      outsider.post(`/api/volunteers/records/${record}/correction`, { hours: 0.5, reason: '越权' }),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    const activities = (await outsider.get('/api/volunteers/activities?pageSize=200')).json();
    expect(activities.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const volunteers = (await outsider.get('/api/volunteers?pageSize=200')).json();
    expect(volunteers.items.map((x: { id: string }) => x.id)).not.toContain(v.id);
    const teams = await outsider.get('/api/volunteers/teams');
    expect(teams.statusCode).toBe(200);

    const elsewhere = await signIn(t, ['resident'], [w.tree.otherCommunity]);
    await register(elsewhere);
    expect((await elsewhere.post(`/api/volunteers/me/activities/${id}/signup`)).statusCode).toBe(404);
    const theirs = (await elsewhere.get('/api/volunteers/me/activities?pageSize=200')).json();
    expect(theirs.items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it("shows a volunteer no resident's data: no roster, no register, no people", async () => {
    const v = await newVolunteer(t, w);
    const other = await newVolunteer(t, w, '孙秀英');
    const id = await newActivity(w.organizer, w.tree.community);
    await signedUp(other.client, id);
    await signedUp(v.client, id);
    for (const url of [
      '/api/volunteers',
      `/api/volunteers/activities/${id}`,
      '/api/persons',
      '/api/households',
      '/api/persons/export',
    ]) {
      const res = await v.client.get(url);
      expect(res.statusCode, url).toBe(403);
    }
    const mine = await v.client.get('/api/volunteers/me/activities?pageSize=200');
    expect(mine.body).not.toContain('孙秀英');
    expect(mine.body).not.toContain('roster');
    const after = await v.client.post('/api/volunteers/me/check', {
      token: await codeOf(w.organizer, id),
      action: 'in',
    });
    expect(after.body).not.toContain('孙秀英');
  });
});
