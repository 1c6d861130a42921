import { describe, expect, it, vi } from 'vitest';
import { errorCode, signIn, type Client } from '../../../test/harness.ts';
import { act as step, incidentsWorld, ok, reported } from './incidents.fixture.ts';
import { sweep } from './sweep.ts';

const w = incidentsWorld();

const report = (c: Client, over: Record<string, unknown> = {}) =>
  reported(w, { title: '楼上漏水', ...over }, c);

describe('reporting', () => {
  it('puts a resident’s report on the grid of their home and tells the grid worker', async () => {
    const i = await report(w.resident);
    expect(i).toMatchObject({
      status: 'reported',
      level: 'grid',
      handlingPlace: { id: String(w.tree.grid) },
      source: 'resident',
      mine: true,
    });
    expect(i.code).toMatch(/^SJ\d{8}-\d+$/);
    expect(new Date(i.dueAt).getTime() - new Date(i.reportedAt).getTime()).toBe(72 * 3600_000);
    const [n] = await w.t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'incident_reported'`,
      [w.grid.userId],
    );
    expect(n.n).toBeGreaterThan(0);
  });

  it('answers the report as it is stored, with its step, audit row and the handler signalled', async () => {
    const signalled: number[] = [];
    const off = w.t.app.notificationHub.subscribe(w.grid.userId, (id) => signalled.push(id));
    try {
      const i = await report(w.resident, { description: '卫生间天花板', reporterPhone: '13800138000' });
      expect(i).toEqual((await w.resident.get(`/api/incidents/${i.id}`)).json());
      expect(i.steps).toMatchObject([
        { action: 'report', fromStatus: null, toStatus: 'reported', data: { source: 'resident' } },
      ]);
      expect(i.actions).toEqual(['recall']);
      await vi.waitFor(() => expect(signalled.length).toBeGreaterThan(0));
      const [n] = await w.t.database.query<{ user_id: number; link: string; params: unknown }>(
        'SELECT user_id, link, params FROM notifications WHERE id = $1',
        [signalled.at(-1)],
      );
      expect(n).toMatchObject({ link: `/incidents/${i.id}`, params: { title: '楼上漏水' } });
      const audited = await w.t.database.query<{ actor_id: number; detail: unknown }>(
        `SELECT actor_id, detail FROM audit_log WHERE action = 'incident.report' AND target_id = $1`,
        [i.id],
      );
      expect(audited).toEqual([{ actor_id: w.resident.userId, detail: { category: 'neighbour_dispute' } }]);
    } finally {
      off();
    }
  });

  it('starts a bigger category higher up the ladder', async () => {
    const i = await report(w.resident, { categoryCode: 'medical_insurance', title: '医保报销' });
    expect(i).toMatchObject({ level: 'township', handlingPlace: { id: String(w.tree.township) } });
  });

  it('refuses unknown categories and places out of reach', async () => {
    expect(
      (
        await w.resident.post('/api/incidents', {
          categoryCode: 'nothing',
          title: '测试',
          placeId: String(w.tree.dwelling),
        })
      ).json().error.details[0].field,
    ).toBe('categoryCode');
    const far = await w.resident.post('/api/incidents', {
      categoryCode: 'other',
      title: '测试',
      placeId: String(w.tree.otherGrid),
    });
    expect(far.statusCode).toBe(404);
  });
});

describe('who sees what', () => {
  it('shows a resident only their own reports, a grid worker their grid, a department what was dispatched to it', async () => {
    const i = await report(w.resident);
    const neighbour = await signIn(w.t, ['resident'], [w.tree.dwelling]);
    expect((await neighbour.get(`/api/incidents/${i.id}`)).statusCode).toBe(404);
    expect(
      (await neighbour.get('/api/incidents')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(i.id);
    expect((await w.grid.get(`/api/incidents/${i.id}`)).statusCode).toBe(200);
    const outsider = await signIn(w.t, ['community_staff'], [w.tree.otherCommunity]);
    expect(errorCode(await outsider.get(`/api/incidents/${i.id}`))).toBe('not_found');
    expect((await w.officer.get(`/api/incidents/${i.id}`)).statusCode).toBe(404);
  });
});

describe('paging', () => {
  it('counts every incident in scope on each page, and past the last one, in order', async () => {
    await report(w.resident);
    await report(w.resident);
    const first = (await w.grid.get('/api/incidents?pageSize=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(2);
    const second = (await w.grid.get('/api/incidents?pageSize=1&page=2')).json();
    expect(second.total).toBe(first.total);
    // overdue first, then newest first
    const key = (i: { overdue: boolean; reportedAt: string }) => `${Number(i.overdue)}${i.reportedAt}`;
    expect(key(second.items[0]) <= key(first.items[0])).toBe(true);
    const past = (await w.grid.get(`/api/incidents?pageSize=1&page=${first.total + 1}`)).json();
    expect(past).toMatchObject({ items: [], total: first.total });
    const outsider = await signIn(w.t, ['grid_worker'], [w.tree.otherGrid]);
    expect((await outsider.get('/api/incidents?page=3')).json()).toMatchObject({ items: [], total: 0 });
  });
});

describe('the workflow', () => {
  it('goes from report to a closed, rated case, every step on the timeline, and the KPI moves', async () => {
    // KPI days are days in China (UTC+8)
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const before = (await w.staff.get(`/api/incidents/kpi?from=${today}&to=${today}`)).json();
    let i = await report(w.resident);
    i = await ok(w.grid, i, { action: 'accept' });
    // the grid worker sends it to a community official; the one who replies is not the one who verifies
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.staff.userId) });
    i = await ok(w.staff, i, { action: 'start' });
    expect((await step(w.staff, i, { action: 'reply' })).json().error.details[0].field).toBe('note');
    i = await ok(w.staff, i, { action: 'reply', note: '已协调维修' });
    i = await ok(w.grid, i, { action: 'verify' });
    i = await ok(w.grid, i, { action: 'callback', satisfaction: 'satisfied' });
    expect(i).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    expect(i.steps.map((s: { action: string }) => s.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'start',
      'reply',
      'verify',
      'callback',
    ]);
    const after = (await w.staff.get(`/api/incidents/kpi?from=${today}&to=${today}`)).json();
    expect(after.reported - before.reported).toBe(1);
    expect(after.acceptedInTime - before.acceptedInTime).toBe(1);
    expect(after.closedOnTime - before.closedOnTime).toBe(1);
    expect(after.satisfied - before.satisfied).toBe(1);
    expect(after.onTimeClosureRate).toBeGreaterThan(0);
  });

  it('refuses actions out of turn (409) and by the wrong person (403)', async () => {
    const i = await report(w.resident);
    expect(errorCode(await step(w.resident, i, { action: 'accept' }))).toBe('forbidden');
    expect(errorCode(await step(w.grid, i, { action: 'callback', satisfaction: 'satisfied' }))).toBe(
      'conflict',
    );
  });

  it('lets one of two simultaneous acceptances win and the other get 409', async () => {
    const i = await report(w.resident);
    const [a, b] = await Promise.all([
      step(w.grid, i, { action: 'accept' }),
      step(w.staff, i, { action: 'accept' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('lets the reporter recall before it is dispatched', async () => {
    let i = await report(w.resident);
    i = await ok(w.resident, i, { action: 'recall', note: '已自行解决' });
    expect(i.status).toBe('recalled');
  });

  it('climbs to the community on escalation, out of the grid worker’s hands', async () => {
    let i = await report(w.resident);
    i = await ok(w.grid, i, { action: 'escalate', note: '需社区协调' });
    expect(i).toMatchObject({
      level: 'community',
      status: 'reported',
      handlingPlace: { id: String(w.tree.community) },
    });
    expect(errorCode(await step(w.grid, i, { action: 'accept' }))).toBe('forbidden');
    i = await ok(w.staff, i, { action: 'accept' });
    expect(i.status).toBe('accepted');
  });

  it('goes to a county department, which sees and handles only what it was given', async () => {
    let i = await report(w.resident, { categoryCode: 'medical_insurance', title: '医保报销' });
    i = await ok(w.township, i, { action: 'accept' });
    i = await ok(w.township, i, { action: 'dispatch', departmentId: String(w.departmentId) });
    i = await ok(w.officer, i, { action: 'start' });
    i = await ok(w.officer, i, { action: 'reply', note: '已补报' });
    expect(i.status).toBe('replied');
    expect(
      (await w.officer.get('/api/incidents'))
        .json()
        .items.every((x: { departmentId: string }) => x.departmentId === String(w.departmentId)),
    ).toBe(true);
  });
});

describe('deadlines and the sweep', () => {
  it('escalates what nobody accepted in time and marks what is overdue, with a controlled clock', async () => {
    const i = await report(w.resident);
    const reported = new Date(i.reportedAt).getTime();
    await sweep(w.t.database, new Date(reported + 3 * 3600_000));
    let now = (await w.grid.get(`/api/incidents/${i.id}`)).json();
    expect((await w.staff.get(`/api/incidents/${i.id}`)).json()).toMatchObject({
      level: 'community',
      status: 'reported',
    });
    expect(now.steps.at(-1)).toMatchObject({ action: 'escalate', actorName: 'system', note: 'not_accepted' });
    const accepted = await ok(w.staff, (await w.staff.get(`/api/incidents/${i.id}`)).json(), {
      action: 'accept',
    });
    await sweep(w.t.database, new Date(reported + 73 * 3600_000));
    now = (await w.staff.get(`/api/incidents/${accepted.id}`)).json();
    expect(now).toMatchObject({ overdue: true, supervised: true, level: 'township' });
  });
});
