import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENT_DATA_HEADERS } from '@anju/contracts';
import {
  errorCode,
  randomIdNumber,
  signIn,
  testApp,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../../registry/registry.fixture.ts';
import { fill, gbkCsv, household, leadsOf, send, xlsx, type Cells } from './imports.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let other: RegistryWorld;
const URL = '/api/monitoring/department-data';
const FIELDS = { department: '县医保局', kind: 'medical_insurance' };

const row = (p: { name: string; idNumber: string }, over: Cells = {}): Cells => ({
  身份证号: p.idNumber,
  姓名: p.name,
  事项: '大额医疗支出',
  金额: '48000.50',
  日期: '2026-03-01',
  ...over,
});

const post = async (c: Client, rows: Cells[], fields: Record<string, string> = {}) =>
  send(c, URL, await xlsx(DEPARTMENT_DATA_HEADERS, rows), 'data.xlsx', { ...FIELDS, ...fields });

const auditCount = async () =>
  (
    await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.department_data'`,
    )
  )[0].n;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  other = await registryWorld(t);
});
afterAll(() => t.close());

describe('department data', () => {
  it('checks a file without writing, then raises one lead per household naming the department', async () => {
    const a = await household(t, w, ['赵大山', '赵小川']);
    const b = await household(t, w, ['钱一鸣']);
    const rows = [
      row(a.people[0]),
      row(a.people[1], { 事项: '因病住院', 金额: 1200, 日期: new Date(Date.UTC(2026, 1, 3)) }),
      row(b.people[0], { 备注: '已核实' }),
    ];
    const dry = await post(w.staff, rows);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      committed: false,
      rows: 3,
      valid: 3,
      invalid: 0,
      households: 2,
      errors: [],
    });
    expect(await leadsOf(t, a.id)).toEqual([]);

    const res = await post(w.staff, rows, { dryRun: 'false' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: true, newLeads: 2, joinedLeads: 0, households: 2 });
    expect(body.leads.map((l: { householdNo: string }) => l.householdNo).sort()).toEqual(
      [a.householdNo, b.householdNo].sort(),
    );
    const [lead] = await leadsOf(t, a.id);
    expect(lead.source).toBe('department_data');
    expect(lead.detail.notes.map((n) => n.text)).toEqual([
      '县医保局：大额医疗支出 48000.50 元（2026-03-01）',
      '县医保局：因病住院 1200.00 元（2026-02-03）',
    ]);
    const list = await w.staff.get(`/api/monitoring/leads?q=${b.householdNo}`);
    expect(list.json().items[0]).toMatchObject({
      source: 'department_data',
      note: '县医保局：大额医疗支出 48000.50 元（2026-03-01）。已核实',
    });

    // a second department's report joins the open lead
    const again = await post(w.staff, [row(a.people[0], { 事项: '残疾等级变更' })], {
      dryRun: 'false',
      department: '县残联',
      kind: 'disabled_persons',
    });
    expect(again.json()).toMatchObject({ newLeads: 0, joinedLeads: 1 });
    expect((await leadsOf(t, a.id)).map((l) => l.detail.notes.length)).toEqual([3]);
  });

  it('reports every bad row by row, column and reason; a person elsewhere is not found, like an unknown one', async () => {
    const a = await household(t, w, ['孙立人']);
    const elsewhere = await household(t, other, ['周外县'], other.staff);
    const good = row(a.people[0]);
    const bad = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const rows = [
      good,
      row(a.people[0], { 身份证号: bad(a.people[0].idNumber) }),
      row(a.people[0], { 身份证号: '5.30102198001E+17' }),
      row({ name: '吴无名', idNumber: randomIdNumber() }),
      row(elsewhere.people[0]),
      row(a.people[0], { 姓名: '孙立仁' }),
      { ...good },
      row(a.people[0], { 金额: '十万', 日期: '2026-02-30' }),
      row(a.people[0], { 事项: '', 日期: '2099-01-01' }),
    ];
    const before = await auditCount();
    const res = await post(w.staff, rows);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 9, valid: 1, invalid: 8, households: 1, errorTotal: 10 });
    expect(
      body.errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason]),
    ).toEqual([
      [3, '身份证号', 'id_number.check_digit'],
      [4, '身份证号', 'id_number.scientific'],
      [5, '身份证号', 'person.not_found'],
      [6, '身份证号', 'person.not_found'],
      [7, '姓名', 'name.mismatch'],
      [8, '身份证号', 'duplicate.in_file'],
      [9, '金额', 'amount.invalid'],
      [9, '日期', 'date.invalid'],
      [10, '事项', 'cell.required'],
      [10, '日期', 'date.invalid'],
    ]);
    expect(body.errors[5].params).toEqual({ rows: '2' });

    // all or nothing: a commit with bad rows writes nothing
    const refused = await post(w.staff, rows, { dryRun: 'false' });
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('conflict');
    expect(await leadsOf(t, a.id)).toEqual([]);
    expect(await leadsOf(t, elsewhere.id)).toEqual([]);
    expect(await auditCount()).toBe(before);

    const skipped = await post(w.staff, rows, { dryRun: 'false', skipBad: 'true' });
    expect(skipped.json()).toMatchObject({ committed: true, valid: 1, newLeads: 1 });
    expect((await leadsOf(t, a.id))[0].detail.notes).toHaveLength(1);
    expect(await leadsOf(t, elsewhere.id)).toEqual([]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('reads a GBK CSV and the filled template; refuses wrong headers and broken files with a clear reason', async () => {
    const a = await household(t, w, ['郑和平']);
    const csv = await send(
      w.staff,
      URL,
      gbkCsv(DEPARTMENT_DATA_HEADERS, [row(a.people[0])]),
      'data.csv',
      FIELDS,
    );
    expect(csv.json(), csv.body).toMatchObject({ valid: 1, invalid: 0, households: 1 });

    const template = await w.staff.get(`${URL}/template`);
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual([...DEPARTMENT_DATA_HEADERS]);
    const filled = await send(
      w.staff,
      URL,
      await fill(template.rawPayload, [row(a.people[0])]),
      't.xlsx',
      FIELDS,
    );
    expect(filled.json()).toMatchObject({ valid: 1, invalid: 0 });

    const wrong = await send(
      w.staff,
      URL,
      await xlsx(['户编号', '与户主关系'], [{ 户编号: '1', 与户主关系: '户主' }]),
      'x.xlsx',
      FIELDS,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ field: '文件', reason: 'file.not_template' }]);
    const missing = await send(
      w.staff,
      URL,
      gbkCsv(['身份证号', '姓名', '事项', '日期'], []),
      'x.csv',
      FIELDS,
    );
    expect(missing.json().error.details).toEqual([{ field: '金额', reason: 'column.missing' }]);
    const broken = await send(w.staff, URL, Buffer.from('PK\x03\x04 not really a zip'), 'x.xlsx', FIELDS);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0].reason).toBe('file.unreadable');
    const noKind = await send(w.staff, URL, gbkCsv(DEPARTMENT_DATA_HEADERS, []), 'x.csv', {
      department: '县医保局',
    });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().error.details[0].field).toBe('kind');
    const noFile = await w.staff.request({
      method: 'POST',
      url: URL,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n--x--\r\n',
    });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('department data access', () => {
  it('an official of the origin side matches the people of households seen from there', async () => {
    const a = await household(t, w, ['冯迁出']);
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    const res = await post(origin, [row(a.people[0])], { dryRun: 'false' });
    expect(res.json(), res.body).toMatchObject({ valid: 1, newLeads: 1 });
  });

  it('refuses residents and department officers without monitoring:write; out of scope finds no one', async () => {
    const a = await household(t, w, ['陈守土']);
    const rows = [row(a.people[0])];
    for (const role of ['resident', 'department_officer'] as const) {
      const c = await signIn(t, [role], [w.tree.community]);
      const res = await post(c, rows, { dryRun: 'false' });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      expect((await c.get(`${URL}/template`)).statusCode).toBe(403);
    }
    const outside = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    const res = await post(outside, rows, { dryRun: 'false', skipBad: 'true' });
    expect(res.statusCode).toBe(409);
    const dry = await post(outside, rows);
    expect(dry.json()).toMatchObject({ valid: 0, households: 0, errors: [{ reason: 'person.not_found' }] });
    const signedOut = await t.app.inject({ method: 'POST', url: URL });
    expect(signedOut.statusCode).toBe(401);
    expect(await leadsOf(t, a.id)).toEqual([]);
  });
});
