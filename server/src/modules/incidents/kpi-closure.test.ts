import { describe, expect, it } from 'vitest';
import { makeTree, signIn } from '../../../test/harness.ts';
import { china, get, incident, kpiWorld } from './kpi.fixture.ts';

const w = kpiWorld();

describe('on-time closure as the appraisal rules define it', () => {
  it('is judged at the reply: replied at 40 h, called back at 50 h in a 48 h category is on time', async () => {
    const own = await makeTree(w.t.database);
    const at = china('2026-05-04T09:00:00');
    await incident(w.t, own.grid, {
      reportedAt: at,
      acceptedAfter: 1,
      repliedAfter: 40,
      closedAfter: 50,
      dueAfter: 48,
    });
    // the boundary the other way: replied a second after the deadline is late, however soon the callback
    await incident(w.t, own.grid, {
      reportedAt: at,
      acceptedAfter: 1,
      repliedAfter: 48 + 1 / 3600,
      closedAfter: 49,
      dueAfter: 48,
    });
    const county = await signIn(w.t, ['county_admin'], [own.county]);
    const k = await get(county, `/api/incidents/kpi?from=2026-05-01&to=2026-05-31&under=${own.grid}`);
    expect(k).toMatchObject({ closed: 2, closedOnTime: 1, fellDue: 2, onTimeClosureRate: 0.5 });
  });

  it('is taken over the incidents that fell due: 6 closed (5 on time) and 4 open overdue → 50 %', async () => {
    const own = await makeTree(w.t.database);
    const at = china('2026-05-04T09:00:00');
    for (let n = 0; n < 6; n++)
      await incident(w.t, own.grid, { reportedAt: at, acceptedAfter: 1, closedAfter: n < 5 ? 24 : 80 });
    for (let n = 0; n < 4; n++)
      await incident(w.t, own.grid, { reportedAt: at, acceptedAfter: 1, overdue: true });
    // open and not yet due: not in the denominator
    await incident(w.t, own.grid, { reportedAt: at, acceptedAfter: 1 });
    const county = await signIn(w.t, ['county_admin'], [own.county]);
    const k = await get(county, `/api/incidents/kpi?from=2026-05-01&to=2026-05-31&under=${own.grid}`);
    expect(k).toMatchObject({ closed: 6, closedOnTime: 5, fellDue: 10, onTimeClosureRate: 0.5 });
  });
});
