import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCOME_IMPORT_HEADERS } from '@anju/contracts';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../../test/harness.ts';
import { UNSUPPORTED } from '../../../platform/files/upload.ts';
import { registryWorld, type RegistryWorld } from '../../registry/registry.fixture.ts';
import { fill, gbkCsv, household, leadsOf, send, xlsx, type Cells } from './imports.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let other: RegistryWorld;
const URL = '/api/monitoring/incomes/import';
const YEAR = 2025;

const row = (householdNo: string, wage: number | string, over: Cells = {}): Cells => ({
  户编号: householdNo,
  年度: YEAR,
  期别: '年度',
  工资性收入: wage,
  经营净收入: 0,
  财产性收入: '',
  转移性收入: 1200,
  生产经营支出: 0,
  医疗自付: 0,
  教育支出: 0,
  ...over,
});

const post = async (c: Client, rows: Cells[], fields: Record<string, string> = {}) =>
  send(c, URL, await xlsx(INCOME_IMPORT_HEADERS, rows), 'incomes.xlsx', fields);

const incomes = (householdId: string) =>
  t.database.query<{ period: string; wage: number; transfer: number; member_count: number; version: number }>(
    'SELECT period, wage, transfer, member_count, version FROM household_incomes WHERE household_id = $1 ORDER BY period',
    [householdId],
  );

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  other = await registryWorld(t);
  const province = await signIn(t, ['county_admin'], [w.tree.province]);
  const line = await province.put('/api/monitoring/lines', {
    year: YEAR,
    placeId: String(w.tree.province),
    amount: 7000,
  });
  expect(line.statusCode, line.body).toBe(200);
});
afterAll(() => t.close());

describe('incomes import', () => {
  it('checks without writing, saves new records, screens the households and reports the new leads', async () => {
    const poor = await household(t, w, ['马有田', '马小禾']);
    const fine = await household(t, w, ['杨富足']);
    const rows = [
      row(poor.householdNo, 2000),
      row(fine.householdNo, '96,000'),
      row(poor.householdNo, 1000, { 期别: '年中' }),
    ];
    const dry = await post(w.staff, rows);
    expect(dry.json(), dry.body).toMatchObject({
      committed: false,
      rows: 3,
      valid: 3,
      created: 3,
      updated: 0,
      households: 2,
    });
    expect(await incomes(poor.id)).toEqual([]);

    const res = await post(w.staff, rows, { dryRun: 'false' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, created: 3, updated: 0, screened: 2, newLeads: 1 });
    expect(res.json().leads).toEqual([
      expect.objectContaining({ householdId: poor.id, householdNo: poor.householdNo }),
    ]);
    expect(await incomes(poor.id)).toEqual([
      { period: 'mid_year', wage: 1000, transfer: 1200, member_count: 2, version: 1 },
      { period: 'year', wage: 2000, transfer: 1200, member_count: 2, version: 1 },
    ]);
    const [lead] = await leadsOf(t, poor.id);
    expect(lead).toMatchObject({ source: 'screening', status: 'open' });
    expect(await leadsOf(t, fine.id)).toEqual([]);

    // a second file replaces the records and bumps their versions; the open lead is not new
    const again = await post(w.staff, [row(poor.householdNo, 2500), row(fine.householdNo, 1000)], {
      dryRun: 'false',
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 2, screened: 2, newLeads: 1 });
    expect(again.json().leads[0].householdId).toBe(fine.id);
    expect((await incomes(poor.id))[1]).toMatchObject({ wage: 2500, version: 2 });
  });

  it('reports bad rows; a household seen only from the origin side or not at all is refused, nothing half-written', async () => {
    const a = await household(t, w, ['林木森']);
    const elsewhere = await household(t, other, ['外县户'], other.staff);
    const rows = [
      row(a.householdNo, 5000),
      row('NO-SUCH-HOUSEHOLD', 5000),
      row(elsewhere.householdNo, 5000),
      row(a.householdNo, 5000, { 年度: 1999, 期别: '季度' }),
      row(a.householdNo, 'abc', { 经营净收入: -300, 医疗自付: -5 }),
      row(a.householdNo, 6000),
    ];
    const dry = await post(w.staff, rows);
    const body = dry.json();
    expect(body, dry.body).toMatchObject({ rows: 6, valid: 1, invalid: 5, errorTotal: 7 });
    expect(
      body.errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason]),
    ).toEqual([
      [3, '户编号', 'household.not_found'],
      [4, '户编号', 'household.not_found'],
      [5, '年度', 'year.invalid'],
      [5, '期别', 'period.unknown'],
      [6, '工资性收入', 'amount.invalid'],
      [6, '医疗自付', 'amount.invalid'],
      [7, '户编号', 'duplicate.in_file'],
    ]);
    const refused = await post(w.staff, rows, { dryRun: 'false' });
    expect(refused.statusCode).toBe(409);
    expect(await incomes(a.id)).toEqual([]);
    expect(await incomes(elsewhere.id)).toEqual([]);

    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    const fromOrigin = await post(origin, [row(a.householdNo, 5000)], { dryRun: 'false', skipBad: 'true' });
    expect(fromOrigin.statusCode).toBe(409);
    expect((await post(origin, [row(a.householdNo, 5000)])).json().errors).toEqual([
      { row: 2, column: '户编号', reason: 'household.origin_side', params: {} },
    ]);

    const skipped = await post(w.staff, rows, { dryRun: 'false', skipBad: 'true' });
    expect(skipped.json()).toMatchObject({ committed: true, valid: 1, created: 1 });
    expect(await incomes(a.id)).toEqual([expect.objectContaining({ wage: 5000, version: 1 })]);
    expect(await incomes(elsewhere.id)).toEqual([]);
  });

  it('reads a GBK CSV and the filled template; a missing column is named', async () => {
    const a = await household(t, w, ['何其多']);
    const csv = await send(w.staff, URL, gbkCsv(INCOME_IMPORT_HEADERS, [row(a.householdNo, 9000)]), 'i.csv');
    expect(csv.json(), csv.body).toMatchObject({ valid: 1, created: 1 });
    const template = await w.staff.get('/api/monitoring/incomes/template');
    expect(template.statusCode).toBe(200);
    const filled = await send(
      w.staff,
      URL,
      await fill(template.rawPayload, [row(a.householdNo, 9000)]),
      't.xlsx',
    );
    expect(filled.json(), filled.body).toMatchObject({ valid: 1, invalid: 0 });
    const headers = INCOME_IMPORT_HEADERS.filter((h) => h !== '教育支出');
    const missing = await send(w.staff, URL, gbkCsv(headers, [row(a.householdNo, 1)]), 'i.csv');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: '教育支出', reason: 'column.missing' }]);
  });

  it('refuses a legacy .xls workbook with the advice to save it as .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const res = await send(w.staff, URL, ole, '收入.xls');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.details).toEqual([{ field: 'file', reason: UNSUPPORTED.legacy }]);
  });

  it('is refused to residents and department officers', async () => {
    const a = await household(t, w, ['许安居']);
    for (const role of ['resident', 'department_officer'] as const) {
      const c = await signIn(t, [role], [w.tree.community]);
      const res = await post(c, [row(a.householdNo, 1)], { dryRun: 'false' });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      expect((await c.get('/api/monitoring/incomes/template')).statusCode).toBe(403);
    }
    expect(await incomes(a.id)).toEqual([]);
  });
});
