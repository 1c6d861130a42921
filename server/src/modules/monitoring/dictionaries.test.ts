import { randomInt } from 'node:crypto';
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
let admin: Client;

/** A code of letters no other test run uses: the lists are shared by everyone on the database. */
const newCode = () =>
  `t_${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

const codes = async (c: Client, url: string) =>
  (await c.get(url)).json().map((d: { code: string }) => d.code);

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  admin = await signIn(t, ['county_admin'], [tree.county]);
});
afterAll(() => t.close());

describe('monitoring dictionaries', () => {
  it('the county adds a risk type, relabels it and retires it; pickers offer only active entries', async () => {
    const code = newCode();
    const added = await admin.post('/api/dictionaries/risk_type', {
      code,
      labelZh: '因务工受伤',
      labelEn: 'Injury at work',
      sort: 115,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({
      kind: 'risk_type',
      code,
      labelZh: '因务工受伤',
      labelEn: 'Injury at work',
      sort: 115,
      active: true,
    });
    expect(await codes(admin, '/api/dictionaries/risk_type')).toContain(code);

    const retired = await admin.put(`/api/dictionaries/risk_type/${code}`, {
      labelZh: '因工伤',
      labelEn: 'Work injury',
      sort: 116,
      active: false,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ labelZh: '因工伤', active: false });
    expect(await codes(admin, '/api/dictionaries/risk_type')).not.toContain(code);
    const all = (await admin.get('/api/monitoring/dictionaries/risk_type')).json();
    expect(all.find((d: { code: string }) => d.code === code)).toMatchObject({
      labelEn: 'Work injury',
      active: false,
    });
    expect(all.find((d: { code: string }) => d.code === 'illness')).toMatchObject({
      labelZh: '因病',
      active: true,
    });

    const [logged] = await t.database.query<{ actions: string[] }>(
      `SELECT array_agg(action ORDER BY id) AS actions FROM audit_log WHERE target_id = $1`,
      [`risk_type:${code}`],
    );
    expect(logged.actions).toEqual(['dictionary.add', 'dictionary.update']);
  });

  it('a code already in the list, active or not, is a duplicate', async () => {
    const code = newCode();
    const body = { code, labelZh: '返乡创业失败', labelEn: 'Failed start-up at home' };
    expect((await admin.post('/api/dictionaries/monitoring_category', body)).statusCode).toBe(201);
    await admin.put(`/api/dictionaries/monitoring_category/${code}`, {
      ...body,
      code: undefined,
      sort: 0,
      active: false,
    });
    const again = await admin.post('/api/dictionaries/monitoring_category', { ...body, labelZh: '另一个' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('duplicate');
    expect(again.json().error.details).toEqual([{ field: 'code', reason: 'already used' }]);
    const seeded = await admin.post('/api/dictionaries/monitoring_category', { ...body, code: 'unstable' });
    expect(errorCode(seeded)).toBe('duplicate');
    const list = (await admin.get('/api/monitoring/dictionaries/monitoring_category')).json();
    expect(list.find((d: { code: string }) => d.code === 'unstable').labelZh).toBe('脱贫不稳定户');
  });

  it('bad input names the field; other lists and unknown entries are not found', async () => {
    const bad = await admin.post('/api/dictionaries/risk_type', {
      code: 'Bad-Code',
      labelZh: 'x',
      labelEn: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('code');
    const blank = await admin.post('/api/dictionaries/risk_type', {
      code: newCode(),
      labelZh: '  ',
      labelEn: 'x',
    });
    expect(blank.json().error.details[0].field).toBe('labelZh');
    const long = await admin.put('/api/dictionaries/risk_type/illness', {
      labelZh: '因病',
      labelEn: 'x'.repeat(65),
      sort: 10,
      active: true,
    });
    expect(long.json().error.details[0].field).toBe('labelEn');

    const other = { code: newCode(), labelZh: '测试', labelEn: 'Test' };
    expect((await admin.post('/api/dictionaries/person_tag', other)).statusCode).toBe(404);
    const tag = await admin.put('/api/dictionaries/person_tag/elderly_alone', {
      labelZh: '改名',
      labelEn: 'Renamed',
      sort: 0,
      active: false,
    });
    expect(tag.statusCode).toBe(404);
    expect((await admin.get('/api/monitoring/dictionaries/person_tag')).statusCode).toBe(404);
    const missing = await admin.put(`/api/dictionaries/risk_type/${newCode()}`, {
      labelZh: '无',
      labelEn: 'None',
      sort: 0,
      active: true,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('only holders of the monitoring policy edit; monitoring readers see every entry', async () => {
    const code = newCode();
    const body = { code, labelZh: '测试', labelEn: 'Test' };
    for (const roles of [
      ['community_staff'],
      ['township_officer'],
      ['department_officer'],
      ['system_admin'],
    ] as const) {
      const c = await signIn(t, [...roles], [tree.county]);
      const add = await c.post('/api/dictionaries/risk_type', body);
      expect(add.statusCode).toBe(403);
      expect(errorCode(add)).toBe('forbidden');
      const edit = await c.put('/api/dictionaries/risk_type/illness', {
        ...body,
        code: undefined,
        sort: 0,
        active: false,
      });
      expect(edit.statusCode).toBe(403);
    }
    const staff = await signIn(t, ['community_staff'], [tree.community]);
    expect(await codes(staff, '/api/monitoring/dictionaries/risk_type')).toContain('illness');
    const resident = await signIn(t, ['resident'], [tree.dwelling]);
    expect((await resident.get('/api/monitoring/dictionaries/risk_type')).statusCode).toBe(403);
    expect((await resident.get('/api/dictionaries/risk_type')).statusCode).toBe(200);
    expect(await codes(admin, '/api/monitoring/dictionaries/risk_type')).not.toContain(code);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/dictionaries/risk_type',
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
