import { sql } from 'drizzle-orm';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { orgCreditCode } from '../services/services.fixture.ts';
import { issueCode } from './check-in-code.ts';
import { approvedAfter } from './volunteers.service.ts';
import {
  activity,
  codeOf,
  idNumber,
  newActivity,
  newVolunteer,
  pastSignup,
  served,
  signedUp,
  volunteerWorld,
  type VolunteerWorld,
} from './volunteers.fixture.ts';

let t: TestApp;
let w: VolunteerWorld;

beforeAll(async () => {
  t = await testApp();
  w = await volunteerWorld(t);
});
afterAll(() => t.close());

const reasonOf = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details[0];

describe('registration', () => {
  it('registers by real name: the ID number checked, stored sealed and shown masked', async () => {
    const v = await newVolunteer(t, w, '欧阳明华');
    const me = (await v.client.get('/api/volunteers/me')).json();
    expect(me).toMatchObject({ name: '欧阳明华', skills: ['elder_care'], hours: 0 });
    expect(me.idMasked).toMatch(/^\d\*{16}[\dX]$/);
    expect(me.phoneMasked).toBe('139****5678');
    const [row] = await t.database.query<{ id_cipher: string; name_masked: string }>(
      'SELECT id_cipher, name_masked FROM volunteers WHERE id = $1',
      [Number(v.id)],
    );
    expect(row.id_cipher).toMatch(/^v1\./);
    expect(row.name_masked).toBe('欧**华');
  });

  it('changes their skills from the version read; a stale version is a conflict', async () => {
    const v = await newVolunteer(t, w);
    const ok = await v.client.patch('/api/volunteers/me', { skills: ['cooking', 'cooking'], version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ skills: ['cooking'], availability: ['weekend'], version: 2 });
    const stale = await v.client.patch('/api/volunteers/me', { availability: [], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    const bad = await v.client.patch('/api/volunteers/me', { skills: ['juggling'], version: 2 });
    expect(reasonOf(bad).field).toBe('skills.0');
  });

  it('refuses a bad check digit, a second registration and an ID number registered already', async () => {
    const c = await signIn(t, ['resident'], [w.tree.dwelling]);
    const good = idNumber();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const body = { name: '李华', skills: [], availability: [] };
    const res = await c.post('/api/volunteers/me', { ...body, idNumber: bad });
    expect(res.statusCode).toBe(400);
    expect(reasonOf(res)).toMatchObject({
      field: 'idNumber',
      reason: 'check digit does not match (GB 11643)',
    });
    expect((await c.post('/api/volunteers/me', { ...body, idNumber: good })).statusCode).toBe(201);
    const again = await c.post('/api/volunteers/me', { ...body, idNumber: idNumber() });
    expect(again.statusCode).toBe(409);
    const other = await signIn(t, ['resident'], [w.tree.dwelling]);
    const taken = await other.post('/api/volunteers/me', { ...body, idNumber: good });
    expect(reasonOf(taken)).toMatchObject({
      field: 'idNumber',
      reason: 'is registered as a volunteer already',
    });
  });

  it('lets the organizer register a volunteer in a team of a social organization, masked in the list', async () => {
    const org = await w.organizer.post('/api/services/organizations', {
      creditCode: orgCreditCode(),
      name: `安心志愿者协会${Date.now()}`,
      kind: 'social_group',
      placeId: String(w.tree.community),
      serviceAreas: ['elder_care'],
      placesServed: [String(w.tree.community)],
      staffCount: 5,
      socialWorkerCount: 1,
      contactName: '陈主任',
    });
    expect(org.statusCode, org.body).toBe(201);
    const team = await w.organizer.post('/api/volunteers/teams', {
      name: '夕阳红服务队',
      placeId: String(w.tree.community),
      orgId: org.json().id,
    });
    expect(team.statusCode, team.body).toBe(201);
    const unknown = await w.organizer.post('/api/volunteers/teams', {
      name: '无名队',
      placeId: String(w.tree.community),
      orgId: '999999999',
    });
    expect(reasonOf(unknown)).toMatchObject({ field: 'orgId', reason: 'unknown organization' });
    const res = await w.organizer.post('/api/volunteers', {
      name: '王建国',
      idNumber: idNumber(),
      skills: ['driving'],
      availability: ['weekend'],
      placeId: String(w.tree.community),
      teamId: team.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ teamName: '夕阳红服务队', placeName: '靖安社区' });
    const teams = (await w.organizer.get('/api/volunteers/teams')).json();
    expect(teams.find((x: { id: string }) => x.id === team.json().id)).toMatchObject({
      members: 1,
      orgId: org.json().id,
    });
    const list = (await w.organizer.get('/api/volunteers?q=王建国&pageSize=200')).json();
    expect(list.items.map((v: { id: string }) => v.id)).toContain(res.json().id);
    expect(JSON.stringify(list)).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('activities and sign-up', () => {
  it.each([
    [{ slots: 0 }, 'slots', 'must be at least 1'],
    [{ placeId: 'x' }, 'placeId', undefined],
    [{ skills: ['juggling'] }, 'skills.0', undefined],
  ])('refuses %j naming the field', async (over, field, reason) => {
    const res = await activity(w.organizer, w.tree.community, -10, 60, over);
    expect(res.statusCode).toBe(400);
    expect(reasonOf(res).field).toBe(field);
    if (reason) expect(reasonOf(res).reason).toBe(reason);
  });

  it('refuses an end before the start and a place outside the scope', async () => {
    expect(reasonOf(await activity(w.organizer, w.tree.community, 60, 10))).toMatchObject({
      field: 'endsAt',
      reason: 'must be after startsAt',
    });
    expect(reasonOf(await activity(w.organizer, w.tree.otherCommunity))).toMatchObject({ field: 'placeId' });
  });

  it('signs a volunteer up once, and shows the activity among theirs with the sign-up', async () => {
    const id = await newActivity(w.organizer, w.tree.community);
    const v = await newVolunteer(t, w);
    await signedUp(v.client, id);
    const again = await v.client.post(`/api/volunteers/me/activities/${id}/signup`);
    expect(again.statusCode).toBe(409);
    const mine = (await v.client.get('/api/volunteers/me/activities?pageSize=200')).json();
    const found = mine.items.find((a: { id: string }) => a.id === id);
    expect(found).toMatchObject({ signedUp: 1, mine: { checkedInAt: null, hours: null } });
  });

  it('never gives more sign-ups than slots, however many sign up at once', async () => {
    const id = await newActivity(w.organizer, w.tree.community, -10, 60, { slots: 3 });
    const vs = await Promise.all(Array.from({ length: 8 }, () => newVolunteer(t, w)));
    const results = await Promise.all(
      vs.map((v) => v.client.post(`/api/volunteers/me/activities/${id}/signup`)),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused)
      expect(reasonOf(r)).toMatchObject({ reason: 'the activity is full ({{slots}} slots)' });
    const [row] = await t.database.query<{ signed_up: number; n: number }>(
      'SELECT signed_up, (SELECT count(*)::int FROM volunteer_signups WHERE activity_id = $1) AS n FROM volunteer_activities WHERE id = $1',
      [Number(id)],
    );
    expect(row).toEqual({ signed_up: 3, n: 3 });
  });
});

describe('check-in and check-out', () => {
  it('checks in and out by the code shown at the activity', async () => {
    const id = await newActivity(w.organizer, w.tree.community);
    const v = await newVolunteer(t, w);
    await signedUp(v.client, id);
    const token = await codeOf(w.organizer, id);
    const inRes = await v.client.post('/api/volunteers/me/check', { token, action: 'in' });
    expect(inRes.statusCode, inRes.body).toBe(200);
    expect(inRes.json().mine.checkedInAt).not.toBeNull();
    const twice = await v.client.post('/api/volunteers/me/check', { token, action: 'in' });
    expect(reasonOf(twice)).toMatchObject({ field: 'action', reason: 'is checked in already' });
    const out = await v.client.post('/api/volunteers/me/check', { token, action: 'out' });
    expect(out.json().mine.checkedOutAt).not.toBeNull();
    const roster = (await w.organizer.get(`/api/volunteers/activities/${id}`)).json().roster;
    expect(roster[0]).toMatchObject({ checkedInVia: 'qr', checkedOutVia: 'qr' });
  });

  it('refuses a forged or expired code, and a volunteer who did not sign up', async () => {
    const id = await newActivity(w.organizer, w.tree.community);
    const v = await newVolunteer(t, w);
    const token = await codeOf(w.organizer, id);
    const notSigned = await v.client.post('/api/volunteers/me/check', { token, action: 'in' });
    expect(reasonOf(notSigned)).toMatchObject({
      field: 'token',
      reason: 'you have not signed up for this activity',
    });
    const forged = token.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(
      reasonOf(await v.client.post('/api/volunteers/me/check', { token: forged, action: 'in' })),
    ).toMatchObject({
      reason: 'not a valid check-in code',
    });
    const old = issueCode(t.app.cipher, Number(id), Date.now() - 3_600_000).token;
    expect(
      reasonOf(await v.client.post('/api/volunteers/me/check', { token: old, action: 'in' })),
    ).toMatchObject({
      reason: 'the code has expired: scan the code shown now',
    });
  });

  it('refuses a check-in outside the activity time with when it opens or when it ended', async () => {
    const later = await newActivity(w.organizer, w.tree.community, 24 * 60, 26 * 60);
    const v = await newVolunteer(t, w);
    await signedUp(v.client, later);
    const early = await v.client.post('/api/volunteers/me/check', {
      token: await codeOf(w.organizer, later),
      action: 'in',
    });
    expect(early.statusCode).toBe(400);
    expect(reasonOf(early)).toMatchObject({ field: 'token', reason: 'check-in opens at {{opensAt}}' });
    expect(early.json().error.details[0].params.opensAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    const past = await newActivity(w.organizer, w.tree.community, -180, -120);
    const signup = await pastSignup(t, past, v.id);
    const late = await v.client.post('/api/volunteers/me/check', {
      token: await codeOf(w.organizer, past),
      action: 'in',
    });
    expect(reasonOf(late)).toMatchObject({ reason: 'the activity ended at {{endsAt}}' });
    const byOrganizer = await w.organizer.post(`/api/volunteers/signups/${signup}/check`, { action: 'in' });
    expect(reasonOf(byOrganizer)).toMatchObject({
      field: 'action',
      reason: 'the activity ended at {{endsAt}}',
    });
    const [row] = await t.database.query<{ checked_in_at: string | null }>(
      'SELECT checked_in_at FROM volunteer_signups WHERE id = $1',
      [Number(signup)],
    );
    expect(row.checked_in_at).toBeNull();
  });

  it('lets the organizer confirm a check-in and check-out on the spot', async () => {
    const id = await newActivity(w.organizer, w.tree.community);
    const v = await newVolunteer(t, w);
    const signup = await signedUp(v.client, id);
    const out = await w.organizer.post(`/api/volunteers/signups/${signup}/check`, { action: 'out' });
    expect(reasonOf(out)).toMatchObject({ reason: 'has not checked in' });
    const res = await w.organizer.post(`/api/volunteers/signups/${signup}/check`, { action: 'in' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ checkedInVia: 'organizer' });
  });
});

describe('hours, corrections and certificates', () => {
  it('approves hours once after check-out, never more than the activity lasts', async () => {
    const id = await newActivity(w.organizer, w.tree.community, -10, 60);
    const v = await newVolunteer(t, w);
    const early = await signedUp(v.client, id);
    const none = await w.organizer.post(`/api/volunteers/signups/${early}/approval`, { hours: 1 });
    expect(reasonOf(none)).toMatchObject({ reason: 'the volunteer has not checked out' });
    const v2 = await newVolunteer(t, w);
    const signup = await served(w, v2.client, id);
    const much = await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 2 });
    expect(reasonOf(much)).toMatchObject({
      field: 'hours',
      reason: 'is more than the activity lasts ({{hours}} hours)',
    });
    const ok = await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ hours: 1 });
    const again = await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 });
    expect(reasonOf(again)).toMatchObject({ reason: 'is approved already: correct the record instead' });
  });

  it('corrects a record with a new one and a reason; the database refuses to change or delete a record', async () => {
    const id = await newActivity(w.organizer, w.tree.community, -10, 60);
    const v = await newVolunteer(t, w);
    const signup = await served(w, v.client, id);
    const approved = (
      await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 })
    ).json();
    const noReason = await w.organizer.post(`/api/volunteers/records/${approved.recordId}/correction`, {
      hours: 0.5,
    });
    expect(reasonOf(noReason).field).toBe('reason');
    const fixed = await w.organizer.post(`/api/volunteers/records/${approved.recordId}/correction`, {
      hours: 0.5,
      reason: '中途离开半小时',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().hours).toBe(0.5);
    const stale = await w.organizer.post(`/api/volunteers/records/${approved.recordId}/correction`, {
      hours: 1,
      reason: '再改',
    });
    expect(reasonOf(stale)).toMatchObject({
      reason: 'the record is corrected already: correct the latest one',
    });
    const hours = (await v.client.get('/api/volunteers/me/hours')).json();
    expect(hours).toMatchObject({ hours: 0.5, activities: 1 });
    expect(hours.records[0]).toMatchObject({ correctsId: approved.recordId, reason: '中途离开半小时' });
    const [audited] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'volunteer.hours_correct' AND detail->>'corrects' = $1",
      [approved.recordId],
    );
    expect(audited.n).toBe(1);
    for (const statement of [
      sql`UPDATE volunteer_service_records SET hours = 9 WHERE id = ${Number(approved.recordId)}`,
      sql`DELETE FROM volunteer_service_records WHERE id = ${Number(approved.recordId)}`,
    ]) {
      const refused = await t.database.db.transaction((tx) => tx.execute(statement)).catch((e: Error) => e);
      expect(String((refused as Error & { cause?: Error }).cause?.message ?? refused)).toMatch(/append-only/);
    }
    const events = await approvedAfter(t.database.db, Number(approved.recordId) - 1, 2);
    expect(events.map((e) => [e.hours, e.delta])).toEqual([
      [1, 1],
      [0.5, -0.5],
    ]);
  });

  it('issues a certificate as a PDF in Chinese, verified publicly by its serial with the masked name only', async () => {
    const v = await newVolunteer(t, w, '陈晓东');
    const none = await v.client.post('/api/volunteers/me/certificates');
    expect(reasonOf(none)).toMatchObject({ field: 'hours', reason: 'no approved hours yet' });
    const id = await newActivity(w.organizer, w.tree.community, -10, 60);
    const signup = await served(w, v.client, id);
    await w.organizer.post(`/api/volunteers/signups/${signup}/approval`, { hours: 1 });
    const cert = await v.client.post('/api/volunteers/me/certificates');
    expect(cert.statusCode, cert.body).toBe(201);
    const { serial } = cert.json();
    expect(serial).toMatch(/^ZY\d{4}-\d{6,}-[A-Z0-9]{4}$/);
    const file = await v.client.get(`/api/volunteers/me/certificates/${serial}/pdf`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(file.rawPayload);
    expect(doc.getTitle()).toBe(`志愿服务证明 ${serial}`);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o as { get?(k: PDFName): unknown }).get?.(PDFName.of('BaseFont')))
      .filter(Boolean)
      .map(String);
    expect(fonts.some((f) => f.includes('NotoSansSC'))).toBe(true);

    const other = await newVolunteer(t, w);
    expect((await other.client.get(`/api/volunteers/me/certificates/${serial}/pdf`)).statusCode).toBe(404);

    const check = await t.app.inject({ method: 'GET', url: `/api/public/volunteer-certificates/${serial}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      serial,
      nameMasked: '陈*东',
      hours: 1,
      activities: 1,
      issuedAt: expect.any(String),
    });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/public/volunteer-certificates/ZY2026-000000-ABCD',
    });
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('not_found');
  });
});
