import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from './registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('dictionaries', () => {
  it('lists the configurable person tags with both labels', async () => {
    const tags = (await w.staff.get('/api/dictionaries/person_tag')).json();
    expect(tags.find((d: { code: string }) => d.code === 'left_behind_child')).toEqual({
      kind: 'person_tag',
      code: 'left_behind_child',
      labelZh: '留守儿童',
      labelEn: 'Left-behind child',
    });
    expect((await w.staff.get('/api/dictionaries/Bad-Kind')).statusCode).toBe(400);
  });
});

describe('saved filters', () => {
  it('keeps each user’s filters to themselves', async () => {
    const saved = await w.staff.post('/api/saved-filters', {
      list: 'persons',
      name: '留守儿童',
      params: { tags: 'left_behind_child' },
    });
    expect(saved.statusCode).toBe(201);
    expect(
      (await w.staff.post('/api/saved-filters', { list: 'persons', name: '留守儿童', params: {} }))
        .statusCode,
    ).toBe(409);
    expect((await w.staff.get('/api/saved-filters?list=persons')).json()).toEqual([saved.json()]);
    const other = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect((await other.get('/api/saved-filters?list=persons')).json()).toEqual([]);
    expect(
      errorCode(await other.request({ method: 'DELETE', url: `/api/saved-filters/${saved.json().id}` })),
    ).toBe('not_found');
    expect(
      (await w.staff.request({ method: 'DELETE', url: `/api/saved-filters/${saved.json().id}` })).statusCode,
    ).toBe(200);
  });

  it('never keeps a whole ID or phone number', async () => {
    for (const params of [
      { phone: '13812345678' },
      { idNumber: '110101199003070011' },
      { q: '13812345678' },
    ]) {
      const res = await w.staff.post('/api/saved-filters', { list: 'persons', name: '号码', params });
      expect(res.statusCode, JSON.stringify(params)).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({
        field: 'params',
        reason: 'ID and phone numbers are never saved in a filter',
      });
    }
    const tail = await w.staff.post('/api/saved-filters', {
      list: 'persons',
      name: '尾号',
      params: { phoneTail: '5678' },
    });
    expect(tail.statusCode).toBe(201);
  });
});

describe('duties per jurisdiction', () => {
  it('lets the residence side assign who visits and who pays, visible to both sides', async () => {
    const h = await family(w);
    const head = h.members[0].id;
    const put = await w.staff.put(`/api/persons/${head}/duties`, [
      { duty: 'visit', side: 'residence' },
      { duty: 'land_and_forest', side: 'hukou', note: '原籍林地' },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    expect((await origin.get(`/api/persons/${head}/duties`)).json()).toEqual([
      { duty: 'land_and_forest', side: 'hukou', note: '原籍林地' },
      { duty: 'visit', side: 'residence', note: null },
    ]);
    expect(
      (await w.staff.put(`/api/persons/${head}/duties`, [{ duty: 'flying', side: 'hukou' }])).json().error
        .details[0].field,
    ).toBe('0.duty');
    const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await outsider.get(`/api/persons/${head}/duties`)).statusCode).toBe(404);
  });
});
