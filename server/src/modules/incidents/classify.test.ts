import { beforeAll, describe, expect, it, vi } from 'vitest';
import { errorCode, signIn } from '../../../test/harness.ts';
import { act, incidentsWorld, ok as step, reported as report, type Incident } from './incidents.fixture.ts';

const w = incidentsWorld();

type Detail = {
  categoryCode: string;
  status: string;
  acceptDueAt: string;
  dueAt: string;
  reportedAt: string;
  actions: string[];
  steps: { action: string; data: Record<string, unknown> }[];
};
const ok = step<Detail>;
const HOUR = 3_600_000;
const code = (prefix: string) =>
  `${prefix}_${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 10)}`;

/** Two categories of this file's own: one in hours (4 to accept, 48 to handle), one in working days (1, 3). */
let inHours: string;
let inDays: string;
beforeAll(async () => {
  inHours = code('ch');
  inDays = code('cd');
  await w.t.database.query(
    `INSERT INTO incident_categories (code, name_zh, name_en, accept_hours, deadline_hours, limit_unit,
       accept_days, deadline_days)
     VALUES ($1, '按时类', 'In hours', 4, 48, 'hours', 1, 5), ($2, '工作日类', 'In working days', 24, 72, 'working_days', 1, 3)`,
    [inHours, inDays],
  );
});

/** A quick report by the resident: only the place, filed under other requests. */
const quick = () => report<Detail>(w, { categoryCode: undefined, title: '' });

describe('an official sets the category of a quick report', () => {
  it('at acceptance: the new category with its deadlines from the report time, on the timeline and audited', async () => {
    let i = await quick();
    expect(i.categoryCode).toBe('other');
    i = await ok(w.grid, i, { action: 'accept' });
    expect(i.actions).toContain('classify');
    i = await ok(w.grid, i, { action: 'classify', categoryCode: inHours });
    const at = Date.parse(i.reportedAt);
    expect(i).toMatchObject({ categoryCode: inHours, status: 'accepted' });
    expect(Date.parse(i.acceptDueAt)).toBe(at + 4 * HOUR);
    expect(Date.parse(i.dueAt)).toBe(at + 48 * HOUR);
    expect(i.steps.at(-1)).toMatchObject({
      action: 'classify',
      data: { fromCategory: 'other', toCategory: inHours },
    });
    const [row] = await w.t.database.query<{ actor_id: number; detail: Record<string, unknown> }>(
      `SELECT actor_id, detail FROM audit_log WHERE action = 'incident.classify' AND target_id = $1`,
      [i.id],
    );
    expect(row).toMatchObject({
      actor_id: w.grid.userId,
      detail: { fromCategory: 'other', toCategory: inHours },
    });
  });

  it('counts working days by the calendar of the place when the new category runs in them', async () => {
    const i = await ok(w.grid, await quick(), { action: 'classify', categoryCode: inDays });
    const [path] = await w.t.database.query<{ accept: Date; deadline: Date }>(
      `SELECT working_day_end(reported_at, 1, place_path) AS accept, working_day_end(reported_at, 3, place_path) AS deadline
         FROM incidents WHERE id = $1`,
      [i.id],
    );
    expect(Date.parse(i.acceptDueAt)).toBe(new Date(path.accept).getTime());
    expect(Date.parse(i.dueAt)).toBe(new Date(path.deadline).getTime());
  });

  it('keeps a deadline that has already passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 3 * 24 * HOUR);
    const old = await quick();
    vi.useRealTimers();
    const i = await ok(w.grid, old, { action: 'classify', categoryCode: inHours });
    expect(i.acceptDueAt).toBe(old.acceptDueAt);
    expect(Date.parse(i.dueAt)).toBe(Date.parse(i.reportedAt) + 48 * HOUR);
  });

  it('is the handler’s only: refused for the resident and for an official out of scope', async () => {
    const i = await quick();
    const byResident = await act(w.resident, i, { action: 'classify', categoryCode: inHours });
    expect(byResident.statusCode).toBe(403);
    const away = await signIn(w.t, ['grid_worker'], [w.tree.otherGrid]);
    expect(errorCode(await act(away, i, { action: 'classify', categoryCode: inHours }))).toBe('not_found');
    expect((await w.resident.get(`/api/incidents/${i.id}`)).json().actions).not.toContain('classify');
    expect((await w.grid.get(`/api/incidents/${i.id}`)).json().categoryCode).toBe('other');
  });

  it('is refused once dispatched or closed', async () => {
    let i = await ok(w.grid, await quick(), { action: 'accept' });
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    expect(i.actions).not.toContain('classify');
    expect((await act(w.grid, i, { action: 'classify', categoryCode: inHours })).statusCode).toBe(409);
    i = await ok(w.worker, i, { action: 'start' });
    i = await ok(w.worker, i, { action: 'reply', note: '已处理' });
    i = await ok(w.grid, i, { action: 'verify' });
    i = await ok(w.grid, i, { action: 'callback', satisfaction: 'satisfied' });
    expect(i.status).toBe('closed');
    expect((await act(w.grid, i, { action: 'classify', categoryCode: inHours })).statusCode).toBe(409);
  });

  it('names categoryCode when the category is missing, unknown or inactive, and 409 on a stale version', async () => {
    const i: Incident = await quick();
    const inactive = code('ci');
    await w.t.database.query(
      `INSERT INTO incident_categories (code, name_zh, name_en, accept_hours, deadline_hours, active)
       VALUES ($1, '停用', 'Retired', 4, 48, false)`,
      [inactive],
    );
    for (const categoryCode of [undefined, 'no_such_category', inactive, 'other', 'Not-A-Code']) {
      const res = await act(w.grid, i, { action: 'classify', categoryCode });
      expect(res.statusCode, String(categoryCode)).toBe(400);
      expect(res.json().error.details[0].field).toBe('categoryCode');
    }
    await ok(w.grid, i, { action: 'classify', categoryCode: inHours });
    const stale = await act(w.grid, i, { action: 'classify', categoryCode: inDays });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({ field: 'version', reason: 'stale' });
  });
});
