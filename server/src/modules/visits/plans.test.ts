import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { member, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { visit, workerOf } from './visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;

const plansOf = (c: Client, community: number) => c.get(`/api/visit-plans?communityId=${community}`);
const plan = (over: Record<string, unknown> = {}) => ({
  communityId: String(w.tree.community),
  name: '留守儿童每周走访',
  tag: 'left_behind_child',
  intervalDays: 7,
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('visit plans of a community', () => {
  it('follows the default plans until it has its own; the first own plan starts from a copy of them', async () => {
    const before = (await plansOf(w.staff, w.tree.community)).json();
    expect(before.inherited).toBe(true);
    expect(before.plans).toContainEqual(
      expect.objectContaining({ communityId: null, name: '所有户每季度走访', tag: null, intervalDays: 90 }),
    );
    expect(before.plans).toContainEqual(
      expect.objectContaining({ povertyStatus: 'monitored', intervalDays: 30 }),
    );
    const res = await w.staff.post('/api/visit-plans', plan());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ communityId: String(w.tree.community), intervalDays: 7, version: 1 });
    const after = (await plansOf(w.staff, w.tree.community)).json();
    expect(after.inherited).toBe(false);
    expect(after.plans.map((p: { name: string }) => p.name).sort()).toEqual(
      [...before.plans.map((p: { name: string }) => p.name), '留守儿童每周走访'].sort(),
    );
    expect(
      after.plans.every((p: { communityId: string }) => p.communityId === String(w.tree.community)),
    ).toBe(true);
    // the defaults themselves stay as they were for every other community
    expect((await plansOf(w.staff, w.tree.otherCommunity)).statusCode).toBe(404);
    const neighbour = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await plansOf(neighbour, w.tree.otherCommunity)).json()).toMatchObject({ inherited: true });
  });

  it('changes a plan at the version it started from, else 409; deleting all returns to the defaults', async () => {
    const own = await w.staff.post(
      '/api/visit-plans',
      plan({ name: '低保户每两周走访', tag: 'dibao', intervalDays: 14 }),
    );
    const id = own.json().id;
    const body = {
      name: '低保户每十天走访',
      tag: 'dibao',
      povertyStatus: null,
      labourCapacity: null,
      intervalDays: 10,
    };
    const ok = await w.staff.put(`/api/visit-plans/${id}`, { ...body, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ intervalDays: 10, version: 2 });
    const stale = await w.staff.put(`/api/visit-plans/${id}`, { ...body, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    expect(
      (await w.staff.request({ method: 'DELETE', url: `/api/visit-plans/${id}?version=1` })).statusCode,
    ).toBe(409);
    for (const p of (await plansOf(w.staff, w.tree.community)).json().plans)
      expect(
        (await w.staff.request({ method: 'DELETE', url: `/api/visit-plans/${p.id}?version=${p.version}` }))
          .statusCode,
      ).toBe(200);
    expect((await plansOf(w.staff, w.tree.community)).json().inherited).toBe(true);
    const audited = await t.database.db.execute(
      sql`SELECT action FROM audit_log WHERE target_type = 'place' AND target_id = ${String(w.tree.community)}
             AND action LIKE 'visit_plan.%' ORDER BY id`,
    );
    expect(new Set(audited.rows.map((r) => r.action))).toEqual(
      new Set(['visit_plan.create', 'visit_plan.update', 'visit_plan.delete']),
    );
  });

  it.each([
    [{ intervalDays: 0 }, 'intervalDays'],
    [{ intervalDays: 400 }, 'intervalDays'],
    [{ name: 'x' }, 'name'],
    [{ tag: 'no_such_tag' }, 'tag'],
    [{ povertyStatus: 'rich' }, 'povertyStatus'],
    [{ labourCapacity: 'some' }, 'labourCapacity'],
  ])('refuses %j naming the field', async (over, field) => {
    const res = await w.staff.post('/api/visit-plans', plan(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
  });

  it('is read by grid workers, changed by community staff in their community only', async () => {
    const worker = await workerOf(t, w, w.tree.grid);
    expect((await plansOf(worker, w.tree.community)).statusCode).toBe(200);
    expect((await worker.post('/api/visit-plans', plan())).statusCode).toBe(403);
    const neighbour = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await neighbour.post('/api/visit-plans', plan())).statusCode).toBe(404);
    const mine = (
      await w.staff.post('/api/visit-plans', plan({ name: '残疾人每月走访', tag: 'disabled' }))
    ).json();
    const body = {
      name: '改掉',
      tag: null,
      povertyStatus: null,
      labourCapacity: null,
      intervalDays: 5,
      version: 1,
    };
    expect((await neighbour.put(`/api/visit-plans/${mine.id}`, body)).statusCode).toBe(404);
    const remove = (c: Client) =>
      c.request({ method: 'DELETE', url: `/api/visit-plans/${mine.id}?version=1` });
    expect((await remove(neighbour)).statusCode).toBe(404);
    expect((await remove(worker)).statusCode).toBe(403);
    expect((await plansOf(neighbour, w.tree.community)).statusCode).toBe(404);
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect((await plansOf(resident, w.tree.community)).statusCode).toBe(403);
  });
});

describe('households due for a visit', () => {
  let d: RegistryWorld;
  let grid: number;
  let worker: Client;
  const ON = '2025-03-31';
  const due = (c: Client, query = '') => c.get(`/api/visits/due?on=${ON}${query}`);

  /** A household in a fresh dwelling of `g`; `tags` of its one member. */
  async function household(g: number, room: string, tags: string[] = [], povertyStatus = 'ordinary') {
    const building = await addPlace(t.database, g, 'building', `${room}栋`);
    const res = await d.staff.post('/api/households', {
      dwellingId: String(await addPlace(t.database, building, 'dwelling', room)),
      resettlementType: 'urban_centralized',
      povertyStatus,
      members: [member(d, { tags })],
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  }

  beforeAll(async () => {
    d = await registryWorld(t);
    grid = await addPlace(t.database, d.tree.community, 'grid', '走访网格');
    worker = await workerOf(t, d, grid);
    const weekly = {
      communityId: String(d.tree.community),
      name: '留守儿童每周走访',
      tag: 'left_behind_child',
      intervalDays: 7,
    };
    expect((await d.staff.post('/api/visit-plans', weekly)).statusCode).toBe(201);
  });

  it('lists overdue and soon-due households of the worker’s grids, by the shortest matching plan', async () => {
    const child = await household(grid, '101', ['left_behind_child']);
    const monitored = await household(grid, '102', [], 'monitored');
    const ordinary = await household(grid, '103');
    const fresh = await household(grid, '104');
    const never = await household(grid, '105');
    for (const [h, on] of [
      [child, '2025-03-20'], // every 7 days: due 03-27, overdue
      [monitored, '2025-03-05'], // every 30 days: due 04-04, within a week
      [ordinary, '2025-01-10'], // every 90 days: due 04-10, not yet
      [fresh, '2025-03-30'],
    ])
      expect((await visit(worker, h, { visitedOn: on })).statusCode).toBe(201);
    const res = await due(worker);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ on: ON, total: 3, overdue: 2 });
    expect(
      list.items.map((i: { householdId: string; status: string; dueOn: string | null }) => [
        i.householdId,
        i.status,
        i.dueOn,
      ]),
    ).toEqual([
      [never, 'overdue', null],
      [child, 'overdue', '2025-03-27'],
      [monitored, 'due', '2025-04-04'],
    ]);
    expect(list.items[1]).toMatchObject({
      planName: '留守儿童每周走访',
      intervalDays: 7,
      lastVisitedOn: '2025-03-20',
    });
    expect((await due(worker, '&within=15')).json().total).toBe(4);
    expect((await due(worker, '&status=due')).json()).toMatchObject({ total: 1, overdue: 2 });
  });

  it('shows a grid worker their own grids only, staff their community, and nothing elsewhere', async () => {
    const otherGrid = await addPlace(t.database, d.tree.community, 'grid', '别的网格');
    await household(otherGrid, '201');
    const mine = (await due(worker)).json();
    expect(mine.items.every((i: { gridId: string }) => i.gridId === String(grid))).toBe(true);
    expect((await due(worker, `&gridId=${otherGrid}`)).json()).toMatchObject({ total: 0, overdue: 0 });
    const staff = (await due(d.staff, `&communityId=${d.tree.community}`)).json();
    expect(staff.total).toBe(mine.total + 1);
    const neighbour = await signIn(t, ['community_staff'], [d.tree.otherCommunity]);
    expect((await due(neighbour, `&communityId=${d.tree.community}`)).json()).toMatchObject({
      total: 0,
      overdue: 0,
      items: [],
    });
    const resident = await signIn(t, ['resident'], [d.tree.dwelling]);
    expect((await due(resident)).statusCode).toBe(403);
  });
});

describe('coverage by scope', () => {
  it('shows a grid worker their own grids, the community staff all of them, a neighbour nothing', async () => {
    const c = await registryWorld(t);
    const mine = await addPlace(t.database, c.tree.community, 'grid', '甲网格');
    const theirs = await addPlace(t.database, c.tree.community, 'grid', '乙网格');
    const worker = await workerOf(t, c, mine);
    await workerOf(t, c, theirs);
    const url = `/api/visits/coverage?communityId=${c.tree.community}&from=2025-01-01&to=2025-03-31`;
    const seen = (await worker.get(url)).json();
    expect(seen.grids.map((g: { id: string }) => g.id)).toEqual([String(mine)]);
    expect(seen.workers.map((x: { id: string }) => x.id)).toEqual([String(worker.userId)]);
    const all = (await c.staff.get(url)).json();
    expect(all.grids.map((g: { id: string }) => g.id)).toEqual(
      expect.arrayContaining([String(mine), String(theirs)]),
    );
    expect(all.workers).toHaveLength(2);
    const neighbour = await signIn(t, ['community_staff'], [c.tree.otherCommunity]);
    const refused = await neighbour.get(url);
    expect(refused.statusCode).toBe(404);
    expect(errorCode(refused)).toBe('not_found');
  });
});
