import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTree, signIn, testApp, type Client, type TestApp, type Tree } from '../../../test/harness.ts';
import { sweep } from './sweep.ts';

let t: TestApp;
let tree: Tree;
let resident: Client;
let grid: Client;
let staff: Client;
let county: Client;
let officer: Client;
let departmentId: number;

/** Today in China, the day KPI periods count in. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  resident = await signIn(t, ['resident'], [tree.dwelling]);
  grid = await signIn(t, ['grid_worker'], [tree.grid]);
  staff = await signIn(t, ['community_staff'], [tree.community]);
  county = await signIn(t, ['county_admin'], [tree.county]);
  officer = await signIn(t, ['department_officer'], [tree.county]);
  const [d] = await t.database.query<{ id: number }>(
    `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, '县水务局', 'Water bureau') RETURNING id`,
    [tree.county, `sw${Date.now()}`],
  );
  departmentId = Number(d.id);
  await t.database.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [
    officer.userId,
    departmentId,
  ]);
});
afterAll(() => t.close());

type Detail = { id: string; version: number; reportedAt: string };
const report = async (placeId: number) => {
  const res = await resident.post('/api/incidents', {
    categoryCode: 'neighbour_dispute',
    title: '水管爆裂',
    placeId: String(placeId),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
};
const ok = async (c: Client, id: string, body: Record<string, unknown>) => {
  const i = (await c.get(`/api/incidents/${id}`)).json() as Detail;
  const res = await c.post(`/api/incidents/${id}/actions`, { version: i.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const rows = async (by: string) =>
  (await county.get(`/api/incidents/kpi/breakdown?by=${by}&from=${today}&to=${today}`)).json().rows as {
    id: string;
    reported: number;
    acceptedInTime: number;
    timelyAcceptanceRate: number | null;
  }[];

describe('acceptance belongs to the unit that receives the work', () => {
  it('keeps an escalated late acceptance late for the first rung; the next rung runs its own clock', async () => {
    const i = await report(tree.dwelling);
    // nobody on the grid accepted in time: the sweep takes it to the community, with a clock of its own
    await sweep(t.database, new Date(new Date(i.reportedAt).getTime() + 3 * 3600_000));
    await ok(staff, i.id, { action: 'accept' });
    const [kept] = await t.database.query<{ level: number; accepted_at: Date | null }>(
      'SELECT level, accepted_at FROM incident_acceptances WHERE incident_id = $1',
      [i.id],
    );
    expect(kept).toMatchObject({ level: 0, accepted_at: null });
    const [live] = await t.database.query<{ met: boolean }>(
      'SELECT accepted_at <= accept_due_at AS met FROM incidents WHERE id = $1',
      [i.id],
    );
    expect(live.met).toBe(true);
    // the grid accepted the other one in time and passed it up: its pickup stays on time
    const other = await report(tree.dwelling);
    await ok(grid, other.id, { action: 'accept' });
    await ok(grid, other.id, { action: 'escalate', note: '需社区协调' });
    await ok(staff, other.id, { action: 'accept' });
    const grids = await rows('grid');
    const figures = grids.filter((r) => r.reported > 0);
    expect(figures.reduce((n, r) => n + r.reported, 0)).toBe(2);
    expect(figures.reduce((n, r) => n + r.acceptedInTime, 0)).toBe(1);
  });

  it('has a department accept (签收) on its own clock, measured in its own figures', async () => {
    const i = await report(tree.dwelling);
    await ok(grid, i.id, { action: 'accept' });
    await ok(grid, i.id, { action: 'dispatch', departmentId: String(departmentId) });
    const [clock] = await t.database.query<{ due_at: Date; accepted_at: Date | null }>(
      'SELECT due_at, accepted_at FROM incident_acceptances WHERE incident_id = $1 AND department_id = $2',
      [i.id, departmentId],
    );
    expect(clock.accepted_at).toBeNull();
    // the department lets its own deadline pass, then starts on it
    await t.database.query(
      `UPDATE incident_acceptances SET due_at = now() - interval '1 second' WHERE incident_id = $1`,
      [i.id],
    );
    await ok(officer, i.id, { action: 'start' });
    const [department] = (await rows('department')).filter((r) => r.id === String(departmentId));
    expect(department).toMatchObject({ reported: 1, acceptedInTime: 0, timelyAcceptanceRate: 0 });
  });
});
