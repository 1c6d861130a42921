import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type Client, type TestApp, type Tree } from '../../../test/harness.ts';
import { calendarWorld } from './calendar.fixture.ts';

let t: TestApp;
let tree: Tree;
let far: Tree;
let county: Client;
let farCounty: Client;

beforeAll(async () => {
  t = await testApp();
  ({ tree, far, county, farCounty } = await calendarWorld(t));
});
afterAll(() => t.close());

type Cell = string | Date | number;

/** A workbook as an official keeps one: a title row above the header. */
async function workbook(rows: Cell[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('2026年');
  sheet.addRow(['2026年节假日安排']);
  sheet.addRow(['日期', '类型', '名称']);
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await book.xlsx.writeBuffer());
}

function send(c: Client, body: Buffer, query: Record<string, string | number>) {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  const q = new URLSearchParams(
    Object.entries({ placeId: tree.county, year: 2026, version: 0, commit: 'false', ...query }).map(
      ([k, v]) => [k, String(v)],
    ),
  );
  return c.request({
    method: 'POST',
    url: `/api/calendar/import?${q}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="2026年安排.xlsx"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

async function rowsOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[][] = [];
  book.worksheets[0].eachRow((r) => out.push((r.values as string[]).slice(1)));
  return out;
}

const ownCalendar = async (placeId: number) =>
  (
    await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM holiday_calendars WHERE place_id = $1 AND year = 2026',
      [placeId],
    )
  )[0].n;

describe('the holiday calendar in Excel', () => {
  it('exports the calendar in force at a place the caller reaches, for those who keep it', async () => {
    const res = await county.get(`/api/calendar/export?year=2026&placeId=${tree.grid}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/calendar-2026\.xlsx/);
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]).toEqual(['日期', '类型', '名称']);
    expect(rows).toHaveLength(1 + 39);
    expect(rows).toContainEqual(['2026-09-20', '调休上班', '国庆节调休']);
    expect(rows).toContainEqual(['2026-10-01', '放假', '国庆节']);

    expect((await farCounty.get(`/api/calendar/export?year=2026&placeId=${tree.grid}`)).statusCode).toBe(404);
    // those who keep the calendar export it: a township's official reads it on screen only
    const township = await signIn(t, ['township_officer'], [tree.township]);
    expect(errorCode(await township.get(`/api/calendar/export?year=2026&placeId=${tree.township}`))).toBe(
      'forbidden',
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/calendar/export?year=2026&placeId=${tree.grid}` }))
        .statusCode,
    ).toBe(401);
    expect((await county.get('/api/calendar/export?year=2026')).json().error.details[0].field).toBe(
      'querystring.placeId',
    );
  });

  it('reads back its own export in a dry run without writing', async () => {
    const exported = (await county.get(`/api/calendar/export?year=2026&placeId=${tree.county}`)).rawPayload;
    const res = await send(county, exported, {});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ committed: false, rows: 39, problems: [] });
    expect(r.days.find((d: { day: string }) => d.day === '2026-02-14')).toMatchObject({ kind: 'workday' });
    expect(await ownCalendar(tree.county)).toBe(0);
  });

  it('reports every bad row by row and column, and commits nothing while one is left', async () => {
    const file = await workbook([
      [new Date(Date.UTC(2026, 9, 1)), '放假', '国庆节'],
      ['2026/10/32', '放假', '国庆节'],
      ['2027-01-01', '放假', '元旦'],
      ['2026年10月1日', 'holiday', '国庆节'],
      ['2026-10-02', '加班', ''],
      ['2026-10-08', '调休上班', ''],
      ['2026-10-09', '', ''],
      ['', '放假', ''],
      ['2026-10-10', '上班', 'x'.repeat(33)],
    ]);
    for (const commit of ['false', 'true']) {
      const res = await send(county, file, { commit });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r.committed).toBe(false);
      expect(r.rows).toBe(9);
      expect(r.problems).toEqual([
        { row: 4, column: 'day', reason: 'not a date: {{value}}', params: { value: '2026/10/32' } },
        {
          row: 5,
          column: 'day',
          reason: 'a day of {{year}} is expected, not {{value}}',
          params: { year: '2026', value: '2027-01-01' },
        },
        { row: 6, column: 'day', reason: 'the same day as row {{row}}', params: { row: '3' } },
        { row: 7, column: 'kind', reason: 'unknown kind: {{value}}', params: { value: '加班' } },
        { row: 8, column: 'kind', reason: 'a working day must fall on a weekend' },
        { row: 9, column: 'kind', reason: 'required' },
        { row: 10, column: 'day', reason: 'required' },
        { row: 11, column: 'name', reason: 'at most {{max}} characters', params: { max: '32' } },
      ]);
    }
    expect(await ownCalendar(tree.county)).toBe(0);
  });

  it('commits a clean file whole as the county’s own calendar, audited; 409 at a stale version', async () => {
    const file = await workbook([
      [new Date(Date.UTC(2026, 9, 1)), '放假', '国庆节'],
      ['2026-10-02', '节假日', '国庆节'],
      [46298, '放假', '国庆节'],
      ['2026.10.10', '调休上班', '国庆节'],
    ]);
    const res = await send(county, file, { commit: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, rows: 4, problems: [] });
    const c = (await county.get(`/api/calendar?year=2026&placeId=${tree.county}`)).json();
    expect(c).toMatchObject({ own: true, version: 1, source: '2026年安排.xlsx' });
    expect(c.days).toEqual([
      { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { day: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { day: '2026-10-03', kind: 'holiday', name: '国庆节' },
      { day: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
    const [a] = await t.database.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE actor_id = $1 AND action = 'calendar.import'`,
      [county.userId],
    );
    expect(a.detail).toMatchObject({ placeId: tree.county, year: 2026, days: 4 });
    expect(errorCode(await send(county, file, { commit: 'true', version: 0 }))).toBe('conflict');
  });

  it('keeps the import to the counties the caller covers and to those who edit the calendar', async () => {
    const file = await workbook([['2026-10-01', '放假', '国庆节']]);
    const before = await ownCalendar(far.county);
    expect((await send(county, file, { placeId: far.county, commit: 'true' })).statusCode).toBe(404);
    expect((await send(farCounty, file, { commit: 'true' })).statusCode).toBe(404);
    expect(await ownCalendar(far.county)).toBe(before);
    const ok = await send(farCounty, file, { placeId: far.county });
    expect(ok.json()).toMatchObject({ committed: false, problems: [] });
    const township = await signIn(t, ['township_officer'], [tree.township]);
    expect(errorCode(await send(township, file, {}))).toBe('forbidden');
    const wrongLevel = await send(county, file, { placeId: tree.township });
    expect(wrongLevel.json().error.details[0]).toMatchObject({
      field: 'placeId',
      reason: 'must be a county',
    });
  });

  it('refuses a file it cannot read as a calendar, naming the file', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['day?', 'kind?']);
    for (const body of [Buffer.from(await book.xlsx.writeBuffer()), await workbook([])]) {
      const res = await send(county, body, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('file');
    }
    expect((await send(county, Buffer.from('not a workbook'), {})).statusCode).toBe(415);
  });
});
