import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let resident: Client;
let grid: Client;
let staff: Client;

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  resident = await signIn(t, ['resident'], [tree.dwelling]);
  grid = await signIn(t, ['grid_worker'], [tree.grid]);
  staff = await signIn(t, ['community_staff'], [tree.community]);
});
afterAll(() => t.close());

type Detail = {
  id: string;
  version: number;
  status: string;
  assigneeUserId: string | null;
  actions: string[];
  steps: { action: string }[];
};
const act = (c: Client, i: Detail, body: Record<string, unknown>) =>
  c.post(`/api/incidents/${i.id}/actions`, { version: i.version, ...body });
const ok = async (c: Client, i: Detail, body: Record<string, unknown>) => {
  const res = await act(c, i, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const reported = async () => {
  const res = await resident.post('/api/incidents', {
    categoryCode: 'neighbour_dispute',
    title: '楼道堆物',
    placeId: String(tree.dwelling),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
};

describe('the grid worker handles a report in one step', () => {
  it('accept → handle it myself → reply → verified and called back by another official', async () => {
    let i = await ok(grid, await reported(), { action: 'accept' });
    expect(i.actions).toContain('handle');
    i = await ok(grid, i, { action: 'handle' });
    expect(i).toMatchObject({ status: 'in_progress', assigneeUserId: String(grid.userId) });
    expect(i.actions).toContain('reply');
    i = await ok(grid, i, { action: 'reply', note: '已清理' });
    // the one who replied is not offered the check, and is refused it
    expect(i.actions).not.toContain('verify');
    const own = await act(grid, i, { action: 'verify' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details[0].reason).toBe(
      'the one who replied cannot verify or call back the same incident',
    );
    const seen = (await staff.get(`/api/incidents/${i.id}`)).json() as Detail;
    expect(seen.actions).toContain('verify');
    i = await ok(staff, seen, { action: 'verify' });
    expect((await grid.get(`/api/incidents/${i.id}`)).json().actions).not.toContain('callback');
    i = await ok(staff, i, { action: 'callback', satisfaction: 'satisfied' });
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
    const early = await act(grid, i, { action: 'handle' });
    expect(early.statusCode).toBe(409);
    const accepted = await ok(grid, i, { action: 'accept' });
    const byResident = await act(resident, accepted, { action: 'handle' });
    expect(byResident.statusCode).toBe(403);
    expect(errorCode(byResident)).toBe('forbidden');
    // nobody dispatches to themselves: handling it oneself is the way
    const self = await act(grid, accepted, { action: 'dispatch', assigneeUserId: String(grid.userId) });
    expect(self.statusCode).toBe(403);
  });
});
