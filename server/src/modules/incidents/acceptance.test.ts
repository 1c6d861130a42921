import { describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import { incidentsWorld, reported } from './incidents.fixture.ts';
import { sweep } from './sweep.ts';

const w = incidentsWorld();

/** Today in China, the day KPI periods count in. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Detail = { id: string; version: number; reportedAt: string };
const report = (placeId: number) => reported<Detail>(w, { title: '水管爆裂', placeId: String(placeId) });
const ok = async (c: Client, id: string, body: Record<string, unknown>) => {
  const i = (await c.get(`/api/incidents/${id}`)).json() as Detail;
  const res = await c.post(`/api/incidents/${id}/actions`, { version: i.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const rows = async (by: string) =>
  (await w.county.get(`/api/incidents/kpi/breakdown?by=${by}&from=${today}&to=${today}`)).json().rows as {
    id: string;
    reported: number;
    acceptedInTime: number;
    timelyAcceptanceRate: number | null;
  }[];

describe('acceptance belongs to the unit that receives the work', () => {
  it('keeps an escalated late acceptance late for the first rung; the next rung runs its own clock', async () => {
    const i = await report(w.tree.dwelling);
    // nobody on the grid accepted in time: the sweep takes it to the community, with a clock of its own
    await sweep(w.t.database, new Date(new Date(i.reportedAt).getTime() + 3 * 3600_000));
    await ok(w.staff, i.id, { action: 'accept' });
    const [kept] = await w.t.database.query<{ level: number; accepted_at: Date | null }>(
      'SELECT level, accepted_at FROM incident_acceptances WHERE incident_id = $1',
      [i.id],
    );
    expect(kept).toMatchObject({ level: 0, accepted_at: null });
    const [live] = await w.t.database.query<{ met: boolean }>(
      'SELECT accepted_at <= accept_due_at AS met FROM incidents WHERE id = $1',
      [i.id],
    );
    expect(live.met).toBe(true);
    // the grid accepted the other one in time and passed it up: its pickup stays on time
    const other = await report(w.tree.dwelling);
    await ok(w.grid, other.id, { action: 'accept' });
    await ok(w.grid, other.id, { action: 'escalate', note: '需社区协调' });
    await ok(w.staff, other.id, { action: 'accept' });
    const grids = await rows('grid');
    const figures = grids.filter((r) => r.reported > 0);
    expect(figures.reduce((n, r) => n + r.reported, 0)).toBe(2);
    expect(figures.reduce((n, r) => n + r.acceptedInTime, 0)).toBe(1);
  });

  it('has a department accept (签收) on its own clock, measured in its own figures', async () => {
    const i = await report(w.tree.dwelling);
    await ok(w.grid, i.id, { action: 'accept' });
    await ok(w.grid, i.id, { action: 'dispatch', departmentId: String(w.departmentId) });
    const [clock] = await w.t.database.query<{ due_at: Date; accepted_at: Date | null }>(
      'SELECT due_at, accepted_at FROM incident_acceptances WHERE incident_id = $1 AND department_id = $2',
      [i.id, w.departmentId],
    );
    expect(clock.accepted_at).toBeNull();
    // the department lets its own deadline pass, then starts on it
    await w.t.database.query(
      `UPDATE incident_acceptances SET due_at = now() - interval '1 second' WHERE incident_id = $1`,
      [i.id],
    );
    await ok(w.officer, i.id, { action: 'start' });
    const [department] = (await rows('department')).filter((r) => r.id === String(w.departmentId));
    expect(department).toMatchObject({ reported: 1, acceptedInTime: 0, timelyAcceptanceRate: 0 });
  });
});
