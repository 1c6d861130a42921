import { addPlace, randomIdNumber, type Client, type TestApp } from '../../../test/harness.ts';
import { member, type RegistryWorld } from '../registry/registry.fixture.ts';

/** The birth day of someone `years` old today (and a month). */
export const bornYearsAgo = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years, d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
};

/** A household in a new dwelling of the world's building: a head of 35 and a child of 4. */
export async function kidFamily(t: TestApp, w: RegistryWorld, c: Client = w.staff) {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const res = await c.post('/api/households', {
    dwellingId: String(dwelling),
    originVillageId: String(w.village),
    relocationYear: 2019,
    resettlementType: 'urban_centralized',
    povertyStatus: 'out_of_poverty',
    members: [
      member(w, { idNumber: randomIdNumber({ birth: bornYearsAgo(35), sex: 'male' }) }),
      member(w, {
        name: '李小花',
        relation: 'child',
        idNumber: randomIdNumber({ birth: bornYearsAgo(4), sex: 'female' }),
        labourCapacity: 'none',
      }),
    ],
  });
  if (res.statusCode !== 201) throw new Error(`household: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export const facility = (c: Client, placeId: number, siteIds: number[], over: Record<string, unknown> = {}) =>
  c.post('/api/site-facilities', {
    name: '安置区第一幼儿园',
    kind: 'kindergarten',
    placeId: String(placeId),
    siteIds: siteIds.map(String),
    capacity: 1,
    state: 'in_use',
    ...over,
  });

export const project = (c: Client, placeId: number, over: Record<string, unknown> = {}) =>
  c.post('/api/industry-projects', {
    name: '食用菌种植基地',
    kind: 'agricultural_base',
    placeId: String(placeId),
    investment: 1_200_000,
    fundSource: 'east_west_cooperation',
    startedOn: '2021-03-01',
    ...over,
  });

export const task = (c: Client, siteId: number, over: Record<string, unknown> = {}) => {
  const year = new Date().getUTCFullYear();
  return c.post('/api/support-tasks', {
    siteId: String(siteId),
    year,
    area: 'public_services',
    goal: '幼儿园学位满足搬迁群众需求',
    title: '新增幼儿园学位60个',
    owner: '县教育体育局',
    dueOn: `${year}-12-31`,
    ...over,
  });
};
