import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let secondGrid: string;
let worker: Client;

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [103.7, 27.3],
      [103.701, 27.3],
      [103.701, 27.301],
      [103.7, 27.3],
    ],
  ],
};

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  await family(w);
  await family(w, w.dwelling2);
  const second = await w.staff.post(`/api/communities/${w.tree.community}/grids`, {
    name: '第二网格',
    boundary: square,
  });
  secondGrid = second.json().id;
  const building = await addPlace(t.database, Number(secondGrid), 'building', '5栋');
  await family(w, await addPlace(t.database, building, 'dwelling', '501室'));
  worker = await signIn(t, ['grid_worker'], [Number(secondGrid)]);
});
afterAll(() => t.close());

describe('the grid map of a community', () => {
  it('gives every grid its boundary and household, people and building counts', async () => {
    const res = await w.staff.get(`/api/communities/${w.tree.community}/grid-map`);
    expect(res.statusCode, res.body).toBe(200);
    const { norm, items } = res.json();
    expect(norm).toMatchObject({ siteKind: 'urban', min: 300, max: 500 });
    expect(items).toHaveLength(2);
    expect(items.find((g: { id: string }) => g.id === String(w.tree.grid))).toMatchObject({
      households: 2,
      persons: 6,
      buildings: 1,
      // 3 households in the site cannot fill one grid of 300: not flagged under
      size: 'within',
      boundary: null,
    });
    expect(items.find((g: { id: string }) => g.id === secondGrid)).toMatchObject({
      households: 1,
      persons: 3,
      buildings: 1,
      boundary: square,
    });
  });

  it('shows a grid worker only their own grid, counts included', async () => {
    const res = await worker.get(`/api/communities/${w.tree.community}/grid-map`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((g: { id: string; households: number }) => [g.id, g.households])).toEqual([
      [secondGrid, 1],
    ]);
  });

  it('answers 404 for a community out of scope and 403 without grid:read', async () => {
    const other = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await other.get(`/api/communities/${w.tree.community}/grid-map`)).statusCode).toBe(404);
    const resident = await signIn(t, ['resident'], [w.tree.community]);
    expect((await resident.get(`/api/communities/${w.tree.community}/grid-map`)).statusCode).toBe(403);
    expect((await w.staff.get(`/api/communities/${w.tree.grid}/grid-map`)).statusCode).toBe(404);
  });
});

describe('the buildings of a grid', () => {
  it('lists buildings with their households and people', async () => {
    const res = await w.staff.get(`/api/grids/${w.tree.grid}/buildings`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ id: String(w.tree.building), name: '1栋', households: 2, persons: 6 }),
    ]);
  });

  it('answers 404 for a grid out of scope, even to a grid worker of the same community', async () => {
    expect((await worker.get(`/api/grids/${secondGrid}/buildings`)).statusCode).toBe(200);
    expect((await worker.get(`/api/grids/${w.tree.grid}/buildings`)).statusCode).toBe(404);
    const other = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await other.get(`/api/grids/${w.tree.grid}/buildings`)).statusCode).toBe(404);
    expect((await w.staff.get(`/api/grids/${w.tree.building}/buildings`)).statusCode).toBe(404);
  });
});
