import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { family, registryWorld, type RegistryWorld } from '../src/modules/registry/registry.fixture.ts';
import { signIn, testApp, type Client, type TestApp } from './harness.ts';

/** Timelines name people as they are known, not by their login names. */
describe('who did it, in timelines', () => {
  let t: TestApp;
  let w: RegistryWorld;
  const rename = (c: Client, name: string) =>
    t.database.db.execute(sql`UPDATE users SET display_name = ${name} WHERE id = ${c.userId}`);
  beforeAll(async () => {
    t = await testApp();
    w = await registryWorld(t);
    await rename(w.staff, '社区居委会 陈主任');
  });
  afterAll(() => t.close());

  it("a household's and a person's history name the staff member", async () => {
    const household = await family(w);
    const entries = (await w.staff.get(`/api/households/${household.id}/history`)).json();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e: { actorName: string }) => e.actorName)).toContain('社区居委会 陈主任');
    expect(JSON.stringify(entries)).not.toContain(w.staff.username);
    const person = household.members[0].id;
    const own = (await w.staff.get(`/api/persons/${person}/history`)).json();
    expect(own[0].actorName).toBe('社区居委会 陈主任');
  });

  it("an incident's steps name the official who took them", async () => {
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    await rename(grid, '网格员 杨丽');
    const reported = await resident.post('/api/incidents', {
      categoryCode: 'neighbour_dispute',
      title: '楼道漏水',
      placeId: String(w.tree.dwelling),
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const { id, version } = reported.json();
    const accepted = await grid.post(`/api/incidents/${id}/actions`, { version, action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const detail = (await grid.get(`/api/incidents/${id}`)).json();
    expect(detail.steps.at(-1)).toMatchObject({ action: 'accept', actorName: '网格员 杨丽' });
  });
});
