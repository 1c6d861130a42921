import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPlace,
  errorCode,
  randomIdNumber,
  signIn,
  testApp,
  type TestApp,
} from '../../../../test/harness.ts';
import { family, member, registryWorld, type RegistryWorld } from '../registry.fixture.ts';
import { codeOf, csvOf, householdRows, upload, written } from './import.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

const dwelling = (name: string) => addPlace(t.database, w.tree.building, 'dwelling', name);
const commit = (id: string, skipBadRows = false) =>
  w.staff.post(`/api/registry/imports/${id}/commit`, { skipBadRows });

describe('commit', () => {
  it('writes nothing when it fails midway, and says why', async () => {
    const rows = [
      ...(await householdRows(t, w, '1', await dwelling('401室'))),
      ...(await householdRows(t, w, '2', await dwelling('402室'))),
    ];
    const job = (await upload(w.staff, Buffer.from(csvOf(rows)), 'race.csv')).json();
    expect(job.counts).toMatchObject({ valid: 4, households: 2 });
    // registered in between: the households go in before the people, whose insert then fails
    await w.staff.post('/api/households', {
      dwellingId: String(await dwelling('403室')),
      resettlementType: 'urban_centralized',
      povertyStatus: 'ordinary',
      members: [member(w, { idNumber: rows[3].身份证号! })],
    });
    const before = await written(t, w);
    const res = await commit(job.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/registered one of these ID numbers.*nothing was written/);
    expect(await written(t, w)).toEqual(before);
    expect((await w.staff.get(`/api/registry/imports/${job.id}`)).json()).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/nothing was written/),
    });
  });

  it('with skipBadRows leaves out bad rows and their households; without it, refuses', async () => {
    const good = await householdRows(t, w, 'G', await dwelling('501室'));
    const bad = await householdRows(t, w, 'B', await dwelling('502室'));
    bad[1].身份证号 = '123';
    const job = (await upload(w.staff, Buffer.from(csvOf([...good, ...bad])), 'mixed.csv')).json();
    expect(job.counts).toMatchObject({
      rows: 4,
      valid: 3,
      invalid: 1,
      skipped: 2,
      newPersons: 2,
      households: 1,
    });
    const before = await written(t, w);
    const refused = await commit(job.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual([{ field: 'skipBadRows', reason: '1 bad rows' }]);
    expect(await written(t, w)).toEqual(before);
    expect((await commit(job.id, true)).json().status).toBe('committed');
    const after = await written(t, w);
    expect(after.households - before.households).toBe(1);
    expect(after.persons - before.persons).toBe(2);
    const found = async (id: string) =>
      (await w.staff.post('/api/persons/search', { idNumber: id })).json().total;
    expect(await found(good[0].身份证号!)).toBe(1);
    expect(await found(bad[0].身份证号!)).toBe(0);
    expect((await commit(job.id, true)).statusCode).toBe(409);
  });

  it('updates people matched by ID number, with history before → after and a new version', async () => {
    const h = await family(w, await dwelling('601室'));
    const ids = await t.database.query<{ id: string; id_cipher: string }>(
      'SELECT id::text, id_cipher FROM persons WHERE household_id = $1 ORDER BY persons.id',
      [h.id],
    );
    const plain = ids.map((r) => t.app.cipher.decrypt(r.id_cipher));
    const base = {
      户编号: '9',
      住房代码: await codeOf(t, Number(h.dwelling.id)),
      户籍地代码: await codeOf(t, w.village),
      安置方式: '城镇集中安置',
      户类型: '监测户',
      劳动能力: '有劳动力',
    };
    const rows = [
      { ...base, 与户主关系: '户主', 姓名: '李明', 身份证号: plain[0], 联系电话: '13700001111' },
      { ...base, 与户主关系: '配偶', 姓名: '王芳', 身份证号: plain[1], 劳动能力: '弱劳动力' },
      { ...base, 与户主关系: '孙子女', 姓名: '李新', 身份证号: randomIdNumber({ birth: '2020-01-02' }) },
    ];
    const job = (await upload(w.staff, Buffer.from(csvOf(rows)), 'update.csv')).json();
    expect(job.counts).toMatchObject({ valid: 3, newPersons: 1, updates: 2, households: 1 });
    expect((await commit(job.id)).json().status).toBe('committed');
    const detail = (await w.staff.get(`/api/households/${h.id}`)).json();
    expect(detail).toMatchObject({ memberCount: 4, povertyStatus: 'monitored', version: 2 });
    const spouse = detail.members.find((m: { name: string }) => m.name === '王芳');
    expect(spouse).toMatchObject({ labourCapacity: 'partial', version: 2, tags: ['serious_illness'] });
    const history = (await w.staff.get(`/api/persons/${spouse.id}/history`)).json();
    expect(history[0]).toMatchObject({
      event: 'import',
      version: 2,
      changes: { labourCapacity: ['full', 'partial'] },
    });
    const head = detail.members.find((m: { name: string }) => m.name === '李明');
    expect(head.phone).toBe('137****1111');
  });
});

describe('access', () => {
  it('refuses dwellings out of scope and ID numbers of people the caller cannot see', async () => {
    const other = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    const elsewhere = await addPlace(t.database, w.tree.otherGrid, 'dwelling', '1号');
    const stranger = member(w, { idNumber: randomIdNumber() });
    const res = await other.post('/api/households', {
      dwellingId: String(elsewhere),
      resettlementType: 'urban_centralized',
      povertyStatus: 'ordinary',
      members: [{ ...stranger, hukouPlaceId: String(w.tree.otherCommunity) }],
    });
    expect(res.statusCode).toBe(201);
    const rows = await householdRows(t, w, '1', elsewhere);
    rows[1].身份证号 = stranger.idNumber;
    const job = (await upload(w.staff, Buffer.from(csvOf(rows)), 'scope.csv')).json();
    expect(job.errors.items).toEqual([
      { row: 2, column: '住房代码', reason: 'dwelling.out_of_scope', params: {} },
      { row: 3, column: '住房代码', reason: 'dwelling.out_of_scope', params: {} },
      { row: 3, column: '身份证号', reason: 'duplicate.other_jurisdiction', params: {} },
    ]);
  });

  it('needs person:import; an import is seen by its creator only', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect((await upload(grid, Buffer.from('户编号\r\n'), 'x.csv')).statusCode).toBe(403);
    const rows = await householdRows(t, w, '1', await dwelling('701室'));
    const job = (await upload(w.staff, Buffer.from(csvOf(rows)), 'mine.csv')).json();
    const colleague = await signIn(t, ['community_staff'], [w.tree.community]);
    for (const res of [
      await colleague.get(`/api/registry/imports/${job.id}`),
      await colleague.get(`/api/registry/imports/${job.id}/errors.xlsx`),
      await colleague.post(`/api/registry/imports/${job.id}/commit`, { skipBadRows: false }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
  });
});
