import { expect } from 'vitest';
import { signIn, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from './registry.fixture.ts';

/** A registry world with one family, a township official of its origin side and an outsider. */
export async function personsWorld(t: TestApp) {
  const w: RegistryWorld = await registryWorld(t);
  const h = await family(w);
  const origin = await signIn(t, ['township_officer'], [w.originTownship]);
  const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  return { w, h, origin, outsider };
}

/** The sorted names a client's person list shows for a query string. */
export async function names(c: Client, query = ''): Promise<string[]> {
  const res = await c.get(`/api/persons?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .items.map((p: { name: string }) => p.name)
    .sort();
}
