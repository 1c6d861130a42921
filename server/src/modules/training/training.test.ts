import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { completed, course, enrolled, newFamily } from './training.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let staff: Client;

const job = (personId: string, startOn: string, endOn: string | null = null) =>
  staff.post('/api/employment/records', {
    personId,
    kind: 'local_enterprise',
    employerName: '安置区服装厂',
    monthlyWage: 3000,
    startOn,
    endOn,
    source: 'grid_worker',
  });

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  staff = w.staff;
});
afterAll(() => t.close());

describe('courses', () => {
  it('offers a course on a place of the scope, with its kind from the dictionary', async () => {
    const res = await course(staff, w.tree.community);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      enrolled: 0,
      completed: 0,
      completionPct: 80,
      mayKeep: true,
      version: 1,
    });
    const list = (await staff.get('/api/training/courses?pageSize=200')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(res.json().id);
  });

  it.each([
    [{ endOn: '2024-12-01' }, 'endOn', 'is before startOn'],
    [{ kind: 'juggling' }, 'kind', 'not a training kind'],
    [{ hours: 0 }, 'hours', 'must be at least 1'],
    [{ capacity: 0 }, 'capacity', 'must be at least 1'],
    [{ title: '' }, 'title', undefined],
  ])('refuses %j naming the field', async (over, field, reason) => {
    const res = await course(staff, w.tree.community, over);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
    if (reason) expect(res.json().error.details[0].reason).toBe(reason);
  });

  it('refuses a place outside the scope or of another level', async () => {
    for (const place of [w.tree.otherCommunity, w.tree.grid]) {
      const res = await course(staff, place);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('placeId');
    }
  });

  it('changes a course from its version; a stale one is a conflict and capacity stays above the enrolled', async () => {
    const c = (await course(staff, w.tree.community, { capacity: 2 })).json();
    const h = await newFamily(t, w);
    await enrolled(staff, c.id, h.head);
    await enrolled(staff, c.id, h.spouse);
    const low = await staff.patch(`/api/training/courses/${c.id}`, { capacity: 1, version: 1 });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.details[0]).toMatchObject({ field: 'capacity' });
    const ok = await staff.patch(`/api/training/courses/${c.id}`, { capacity: 3, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await staff.patch(`/api/training/courses/${c.id}`, { capacity: 4, version: 1 });
    expect(stale.statusCode).toBe(409);
  });
});

describe('enrolment', () => {
  it('enrols a person of the labour force once', async () => {
    const c = (await course(staff, w.tree.community)).json();
    const h = await newFamily(t, w);
    await enrolled(staff, c.id, h.head);
    const again = await staff.post(`/api/training/courses/${c.id}/enrolments`, { personId: h.head });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0]).toMatchObject({ field: 'personId', reason: 'is enrolled already' });
    const child = await staff.post(`/api/training/courses/${c.id}/enrolments`, { personId: h.child });
    expect(child.statusCode).toBe(400);
    const officer = await signIn(t, ['township_officer'], [w.tree.township]);
    const there = (await course(officer, w.tree.otherCommunity)).json();
    const away = await officer.post(`/api/training/courses/${there.id}/enrolments`, { personId: h.spouse });
    expect(away.statusCode).toBe(400);
    expect(away.json().error.details[0]).toMatchObject({
      field: 'personId',
      reason: 'does not live where the course is offered',
    });
    const detail = (await staff.get(`/api/training/courses/${c.id}`)).json();
    expect(detail.enrolled).toBe(1);
    expect(detail.enrolments).toHaveLength(1);
  });

  it('never passes the capacity when 20 people enrol at once for 5 places', async () => {
    const c = (await course(staff, w.tree.community, { capacity: 5 })).json();
    const people = (await Promise.all(Array.from({ length: 10 }, () => newFamily(t, w)))).flatMap((h) => [
      h.head,
      h.spouse,
    ]);
    expect(people).toHaveLength(20);
    const results = await Promise.all(
      people.map((personId) => staff.post(`/api/training/courses/${c.id}/enrolments`, { personId })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 201)).toHaveLength(5);
    expect(codes.filter((s) => s === 409)).toHaveLength(15);
    expect(results.find((r) => r.statusCode === 409)!.json().error.details[0].reason).toBe(
      'the course is full ({{capacity}} places)',
    );
    const [row] = await t.database.query<{ enrolled: number; rows: number }>(
      `SELECT c.enrolled, (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id) AS rows
         FROM training_courses c WHERE c.id = $1`,
      [c.id],
    );
    expect(row).toEqual({ enrolled: 5, rows: 5 });
  });
});

describe('attendance and completion', () => {
  it('refuses hours above the course hours', async () => {
    const c = (await course(staff, w.tree.community)).json();
    const h = await newFamily(t, w);
    const id = await enrolled(staff, c.id, h.head);
    const res = await staff.put(`/api/training/enrolments/${id}/attendance`, {
      hoursAttended: 40.5,
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'hoursAttended', params: { hours: 40 } });
    const ok = await staff.put(`/api/training/enrolments/${id}/attendance`, {
      hoursAttended: 40,
      version: 1,
    });
    expect(ok.json()).toMatchObject({ hoursAttended: 40, version: 2 });
  });

  it('refuses a stale attendance and a completion dated in the future or before the course', async () => {
    const c = (await course(staff, w.tree.community)).json();
    const h = await newFamily(t, w);
    const id = await enrolled(staff, c.id, h.head);
    expect(
      (await staff.put(`/api/training/enrolments/${id}/attendance`, { hoursAttended: 40, version: 1 }))
        .statusCode,
    ).toBe(200);
    const stale = await staff.put(`/api/training/enrolments/${id}/attendance`, {
      hoursAttended: 39,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const finish = (completedOn: string) =>
      staff.post(`/api/training/enrolments/${id}/completion`, {
        completedOn,
        certificateKind: 'skill_level',
        certificateNo: 'Z1',
        certificateOn: completedOn,
        version: 2,
      });
    for (const [day, reason] of [
      [new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10), 'is in the future'],
      ['2024-12-31', 'is before the course starts'],
    ]) {
      const res = await finish(day);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'completedOn', reason });
    }
  });

  it('refuses a completion below the attendance norm, and completes with a certificate at it', async () => {
    const c = (await course(staff, w.tree.community)).json();
    const h = await newFamily(t, w);
    const id = await enrolled(staff, c.id, h.head);
    const low = await completed(staff, id, 31.5);
    expect(low.statusCode).toBe(400);
    expect(errorCode(low)).toBe('validation_failed');
    expect(low.json().error.details[0]).toMatchObject({
      field: 'hoursAttended',
      params: { needed: 32, pct: 80 },
    });
    const id2 = await enrolled(staff, c.id, h.spouse);
    const ok = await completed(staff, id2, 32);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      completedOn: '2025-01-31',
      certificateKind: 'skill_level',
      certificateNo: `ZS${id2}`,
      employedAfter: false,
    });
    const again = await staff.post(`/api/training/enrolments/${id2}/completion`, {
      completedOn: '2025-01-31',
      certificateKind: 'skill_level',
      certificateNo: 'X',
      certificateOn: '2025-01-31',
      version: 3,
    });
    expect(again.statusCode).toBe(400);
  });

  it('derives employment within 6 months after completing from the records', async () => {
    const c = (await course(staff, w.tree.community)).json();
    const [a, b, d] = await Promise.all([newFamily(t, w), newFamily(t, w), newFamily(t, w)]);
    expect((await job(a.head, '2025-07-15')).statusCode).toBe(201); // within 6 months
    expect((await job(b.head, '2025-08-15')).statusCode).toBe(201); // after 6 months
    expect((await job(d.head, '2024-01-01', '2025-01-15')).statusCode).toBe(201); // ended before completion
    expect((await job(d.spouse, '2023-01-01')).statusCode).toBe(201); // held on through the course
    const after: Record<string, boolean | null> = {};
    for (const p of [a.head, b.head, d.head, d.spouse]) {
      const res = await completed(staff, await enrolled(staff, c.id, p), 40);
      expect(res.statusCode, res.body).toBe(200);
      after[p] = res.json().employedAfter;
    }
    expect(after).toEqual({ [a.head]: true, [b.head]: false, [d.head]: false, [d.spouse]: true });
    const trainings = (await staff.get(`/api/households/${a.id}/trainings`)).json();
    expect(trainings).toMatchObject([{ title: '家政服务培训班', employedAfter: true, personId: a.head }]);
  });
});
