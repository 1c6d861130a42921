import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type TestApp } from '../../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry.fixture.ts';
import { fillTemplate, householdRows, upload, written } from './import.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('the import template', () => {
  it('round trips: download, fill, upload, dry run, commit, then the people are found', async () => {
    const res = await w.staff.get('/api/registry/import-template');
    expect(res.statusCode).toBe(200);
    const template = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['人口', '说明']);
    expect(wb.getWorksheet('说明')!.getRow(3).getCell(4).text).toContain('户主');

    const rows = await householdRows(t, w, '1', w.tree.dwelling);
    const before = await written(t, w);
    const up = await upload(w.staff, await fillTemplate(template, rows), '人口.xlsx');
    expect(up.statusCode, up.body).toBe(202);
    const job = up.json();
    expect(job).toMatchObject({
      status: 'validated',
      counts: { rows: 2, valid: 2, invalid: 0, skipped: 0, newPersons: 2, updates: 0, households: 1 },
      errors: { items: [], total: 0 },
    });
    expect(await written(t, w)).toEqual(before);

    const done = await w.staff.post(`/api/registry/imports/${job.id}/commit`, { skipBadRows: false });
    expect(done.statusCode, done.body).toBe(202);
    expect(done.json().status).toBe('committed');
    expect(await written(t, w)).toEqual({
      households: before.households + 1,
      persons: before.persons + 2,
      history: before.history + 3,
    });
    const found = (await w.staff.post('/api/persons/search', { idNumber: rows[0].身份证号 })).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      name: '张建国',
      relation: 'head',
      ethnicity: '07',
      phone: '139****5678',
      tags: ['dibao', 'veteran'],
      partyMember: true,
      sex: 'male',
      birthDate: '1975-02-03',
    });
    const household = (await w.staff.get(`/api/households/${found.items[0].householdId}`)).json();
    expect(household).toMatchObject({ headName: '张建国', memberCount: 2, relocationYear: 2019 });
    const audit = await t.database.query<{ detail: { newPersons: number } }>(
      `SELECT detail FROM audit_log WHERE action = 'person.import' AND target_id = $1`,
      [job.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].detail.newPersons).toBe(2);
  });

  it('is only for person:import', async () => {
    const officer = await signIn(t, ['township_officer'], [w.tree.township]);
    expect((await officer.get('/api/registry/import-template')).statusCode).toBe(403);
  });
});
