import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTree, signIn, testApp, type Client, type TestApp, type Tree } from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let resident: Client;
let grid: Client;
let worker: Client;
let township: Client;

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  resident = await signIn(t, ['resident'], [tree.dwelling]);
  grid = await signIn(t, ['grid_worker'], [tree.grid]);
  worker = await signIn(t, ['grid_worker'], [tree.grid]);
  township = await signIn(t, ['township_officer'], [tree.township]);
});
afterAll(() => t.close());

type Detail = { id: string; version: number; actions: string[]; dueAt: string };

const act = (c: Client, i: Detail, body: Record<string, unknown>) =>
  c.post(`/api/incidents/${i.id}/actions`, { version: i.version, ...body });
const ok = async (c: Client, i: Detail, body: Record<string, unknown>) => {
  const res = await act(c, i, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const view = async (c: Client, i: Detail) => (await c.get(`/api/incidents/${i.id}`)).json() as Detail;
/** The refusal's status and the reason it names. */
const refusal = (res: { statusCode: number; json: () => { error: { details: { reason: string }[] } } }) => [
  res.statusCode,
  res.json().error.details[0].reason,
];
const accepted = async () => {
  const res = await resident.post('/api/incidents', {
    categoryCode: 'neighbour_dispute',
    title: '楼道漏水',
    placeId: String(tree.dwelling),
  });
  return ok(grid, res.json(), { action: 'accept' });
};

describe('separated duties', () => {
  it('refuses a dispatch to oneself, with the reason', async () => {
    const i = await accepted();
    expect(refusal(await act(grid, i, { action: 'dispatch', assigneeUserId: String(grid.userId) }))).toEqual([
      403,
      'nobody dispatches an incident to themselves',
    ]);
    await ok(grid, i, { action: 'dispatch', assigneeUserId: String(worker.userId) });
  });

  it('keeps whoever replied from verifying or calling back, and does not offer it to them', async () => {
    let i = await accepted();
    i = await ok(grid, i, { action: 'dispatch', assigneeUserId: String(worker.userId) });
    i = await ok(worker, i, { action: 'start' });
    i = await ok(worker, i, { action: 'reply', note: '已修好' });
    // the worker is a grid official too, so the table names them a handler: the bar is what stops them
    expect(i.actions).not.toContain('verify');
    const why = 'the one who replied cannot verify or call back the same incident';
    expect(refusal(await act(worker, i, { action: 'verify' }))).toEqual([403, why]);
    expect((await view(grid, i)).actions).toContain('verify');
    i = await ok(grid, i, { action: 'verify' });
    expect(i.actions).toContain('callback');
    expect((await view(worker, i)).actions).not.toContain('callback');
    expect(refusal(await act(worker, i, { action: 'callback', satisfaction: 'satisfied' }))).toEqual([
      403,
      why,
    ]);
    await ok(grid, i, { action: 'callback', satisfaction: 'satisfied' });
  });
});

describe('extensions', () => {
  it('refuses an ask after the deadline', async () => {
    let i = await accepted();
    i = await ok(grid, i, { action: 'dispatch', assigneeUserId: String(worker.userId) });
    await t.database.query(`UPDATE incidents SET due_at = now() - interval '1 second' WHERE id = $1`, [i.id]);
    expect((await view(worker, i)).actions).not.toContain('ask_extension');
    expect(refusal(await act(worker, i, { action: 'ask_extension', hours: 24, note: '来不及' }))).toEqual([
      409,
      'an extension must be asked before the deadline',
    ]);
  });

  it('is granted by the level above, never by the one who asked', async () => {
    let i = await accepted();
    expect(refusal(await act(grid, i, { action: 'extend', hours: 24, note: '自批' }))).toEqual([
      409,
      'no extension is asked for',
    ]);
    i = await ok(grid, i, { action: 'ask_extension', hours: 24, note: '需协调物业' });
    expect(i.actions).not.toContain('extend');
    expect(refusal(await act(grid, i, { action: 'extend', hours: 24, note: '自批' }))).toEqual([
      403,
      'an extension is granted by the level above, never by the one who asked',
    ]);
    expect((await view(township, i)).actions).toEqual(expect.arrayContaining(['extend', 'deny_extension']));
    await ok(township, i, { action: 'extend', hours: 24, note: '同意' });
  });

  it('adds up to at most the category’s cap (336 h: 10 working days)', async () => {
    let i = await accepted();
    const grant = async (hours: number) => {
      i = await ok(grid, i, { action: 'ask_extension', hours, note: '等待审批' });
      return act(township, i, { action: 'extend', hours, note: '同意' });
    };
    i = (await grant(300)).json();
    i = (await grant(36)).json();
    expect(i.version).toBeGreaterThan(0);
    const over = await grant(1);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({
      field: 'hours',
      reason: 'extensions of this category add up to at most {{hours}} hours',
      params: { hours: 336 },
    });
  });
});
