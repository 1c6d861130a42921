import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { sizeOf } from './grids.service.ts';

describe('a grid against the norm of its kind of site', () => {
  it('is under the urban 300–500 only when the site could fill a grid', () => {
    expect([sizeOf(299, 300, 500, 1200), sizeOf(300, 300, 500, 1200), sizeOf(500, 300, 500, 1200)]).toEqual([
      'under',
      'within',
      'within',
    ]);
    expect(sizeOf(299, 300, 500, 299)).toBe('within');
    expect(sizeOf(299, 300, 500, 300)).toBe('under');
  });
  it('is never under in a rural site, where a grid is a natural village or group, and over past 300', () => {
    expect([sizeOf(0, 0, 300, 900), sizeOf(12, 0, 300, 900), sizeOf(300, 0, 300, 900)]).toEqual([
      'within',
      'within',
      'within',
    ]);
    expect(sizeOf(301, 0, 300, 900)).toBe('over');
  });
});

describe('the norm a community is measured against', () => {
  let t: TestApp;
  let w: RegistryWorld;
  let county: Client;
  beforeAll(async () => {
    t = await testApp();
    w = await registryWorld(t);
    await family(w);
    county = await signIn(t, ['county_admin'], [w.tree.county]);
  });
  afterAll(() => t.close());

  const setKind = async (kind: string) => {
    const place = (await county.get(`/api/places/${w.tree.community}`)).json();
    const res = await county.patch(`/api/places/${w.tree.community}`, {
      name: place.name,
      attributes: { ...place.attributes, resettlementType: kind },
      version: place.version,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const grids = async () => (await w.staff.get(`/api/communities/${w.tree.community}/grids`)).json();

  it('is the urban one, said to be so, while the kind of site is not set', async () => {
    const { norm } = await grids();
    expect(norm).toMatchObject({ siteKind: 'urban', kindSet: false, min: 300, max: 500 });
    expect(norm.sourceZh).toContain('300—500');
  });

  it('follows the kind of site with its source', async () => {
    await setKind('village');
    const list = await grids();
    expect(list.norm).toMatchObject({ siteKind: 'village', kindSet: true, min: 0, max: 300 });
    expect(list.norm.sourceEn).toContain('natural village');
    expect(list.items.find((g: { id: string }) => g.id === String(w.tree.grid))).toMatchObject({
      households: 1,
      size: 'within',
    });
    await setKind('town');
    const map = (await w.staff.get(`/api/communities/${w.tree.community}/grid-map`)).json();
    expect(map.norm).toMatchObject({ siteKind: 'town', kindSet: true, min: 300, max: 500 });
  });

  it('counts nothing for those outside the community', async () => {
    const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await outsider.get(`/api/communities/${w.tree.community}/grids`)).statusCode).toBe(404);
  });
});
