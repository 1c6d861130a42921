import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../test/harness.ts';
import { act, incidentsWorld, ok as step, reported as report } from './incidents.fixture.ts';

const w = incidentsWorld();

type Detail = {
  id: string;
  version: number;
  status: string;
  assigneeUserId: string | null;
  actions: string[];
  steps: { action: string }[];
};
const ok = step<Detail>;
const reported = () => report<Detail>(w, { title: '楼道堆物' });

describe('the grid worker handles a report in one step', () => {
  it('accept → handle it myself → reply → verified and called back by another official', async () => {
    let i = await ok(w.grid, await reported(), { action: 'accept' });
    expect(i.actions).toContain('handle');
    i = await ok(w.grid, i, { action: 'handle' });
    expect(i).toMatchObject({ status: 'in_progress', assigneeUserId: String(w.grid.userId) });
    expect(i.actions).toContain('reply');
    i = await ok(w.grid, i, { action: 'reply', note: '已清理' });
    // the one who replied is not offered the check, and is refused it
    expect(i.actions).not.toContain('verify');
    const own = await act(w.grid, i, { action: 'verify' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details[0].reason).toBe(
      'the one who replied cannot verify or call back the same incident',
    );
    const seen = (await w.staff.get(`/api/incidents/${i.id}`)).json() as Detail;
    expect(seen.actions).toContain('verify');
    i = await ok(w.staff, seen, { action: 'verify' });
    expect((await w.grid.get(`/api/incidents/${i.id}`)).json().actions).not.toContain('callback');
    i = await ok(w.staff, i, { action: 'callback', satisfaction: 'satisfied' });
    expect(i.status).toBe('closed');
    expect(i.steps.map((s) => s.action)).toEqual([
      'report',
      'accept',
      'handle',
      'reply',
      'verify',
      'callback',
    ]);
  });

  it('is the handler’s only, and only once accepted', async () => {
    const i = await reported();
    const early = await act(w.grid, i, { action: 'handle' });
    expect(early.statusCode).toBe(409);
    const accepted = await ok(w.grid, i, { action: 'accept' });
    const byResident = await act(w.resident, accepted, { action: 'handle' });
    expect(byResident.statusCode).toBe(403);
    expect(errorCode(byResident)).toBe('forbidden');
    // nobody dispatches to themselves: handling it oneself is the way
    const self = await act(w.grid, accepted, { action: 'dispatch', assigneeUserId: String(w.grid.userId) });
    expect(self.statusCode).toBe(403);
  });
});
