import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_HEADERS } from '@anju/contracts';
import {
  errorCode,
  randomIdNumber,
  signIn,
  testApp,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { fill, gbkCsv, household, send, xlsx, type Cells } from '../monitoring/imports/imports.fixture.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
const URL = '/api/employment/ledger';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const row = (p: { name: string; idNumber: string }, over: Cells = {}): Cells => ({
  姓名: p.name,
  身份证号: p.idNumber,
  用工单位: '安居帮扶车间',
  就业类型: '帮扶车间',
  月工资: '2600',
  开始日期: '2025-03-01',
  ...over,
});

const post = async (c: Client, rows: Cells[], dryRun = true) =>
  send(c, URL, await xlsx(LEDGER_HEADERS, rows), 'ledger.xlsx', { dryRun: String(dryRun) });

const recordsOf = (personName: string) =>
  t.database.query<{ employer_name: string; source: string; verified: boolean; end_on: string | null }>(
    `SELECT r.employer_name, r.source, r.verified, to_char(r.end_on, 'YYYY-MM-DD') AS end_on
       FROM employment_records r JOIN persons p ON p.id = r.person_id WHERE p.name = $1 ORDER BY r.id`,
    [personName],
  );

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('the employment ledger', () => {
  it('gives a template that, filled in, checks clean and writes nothing on a dry run', async () => {
    const h = await household(t, w, ['台账甲']);
    const template = await w.staff.get(`${URL}/template`);
    expect(template.statusCode).toBe(200);
    const file = await fill(template.rawPayload, [row(h.people[0])]);
    const res = await send(w.staff, URL, file, 'ledger.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      committed: false,
      rows: 1,
      valid: 1,
      invalid: 0,
      created: 1,
      persons: 1,
    });
    expect(await recordsOf('台账甲')).toEqual([]);
  });

  it('reports every bad row with its column and reason, and a commit then writes nothing', async () => {
    const h = await household(t, w, ['台账乙', '台账丙']);
    const [a, b] = h.people;
    const rows = [
      row(a),
      row({ name: '无此人', idNumber: randomIdNumber({ birth: '1985-01-01' }) }),
      row({ name: '错名字', idNumber: b.idNumber }),
      row(b, { 就业类型: '挖矿' }),
      row(b, { 月工资: '-100', 用工单位: '甲' }),
      row(b, { 开始日期: '2025-05-01', 结束日期: '2025-04-01', 用工单位: '乙' }),
      row(a),
    ];
    const res = await post(w.staff, rows);
    expect(res.json()).toMatchObject({ rows: 7, valid: 1, invalid: 6 });
    expect(
      res
        .json()
        .errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason]),
    ).toEqual([
      [3, '身份证号', 'person.not_found'],
      [4, '姓名', 'name.mismatch'],
      [5, '就业类型', 'kind.unknown'],
      [6, '月工资', 'wage.negative'],
      [7, '结束日期', 'end.before_start'],
      [8, '身份证号', 'duplicate.in_file'],
    ]);
    const commit = await post(w.staff, rows, false);
    expect(commit.statusCode).toBe(409);
    expect(await recordsOf('台账乙')).toEqual([]);
  });

  it('refuses people seen only from their origin side, and answers others as not found', async () => {
    const h = await household(t, w, ['台账丁']);
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    expect((await post(origin, [row(h.people[0])])).json().errors[0]).toMatchObject({
      column: '身份证号',
      reason: 'person.origin_side',
    });
    const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await post(outsider, [row(h.people[0])])).json().errors[0].reason).toBe('person.not_found');
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect(errorCode(await post(resident, [row(h.people[0])]))).toBe('forbidden');
    expect(errorCode(await resident.get(`${URL}/template`))).toBe('forbidden');
  });

  it('commits every row: new records from the department list, verified; the same job changed and ended', async () => {
    const h = await household(t, w, ['台账戊']);
    const p = h.people[0];
    const first = await post(w.staff, [row(p)], false);
    expect(first.json()).toMatchObject({ committed: true, created: 1, cleared: 1 });
    expect(await recordsOf('台账戊')).toEqual([
      { employer_name: '安居帮扶车间', source: 'department_list', verified: true, end_on: null },
    ]);
    await t.database.query(`UPDATE households SET poverty_status = 'monitored' WHERE id = $1`, [h.id]);
    const ended = await post(w.staff, [row(p, { 月工资: '2800', 结束日期: yesterday() })], false);
    expect(ended.json()).toMatchObject({ created: 0, updated: 1, ended: 1, flagged: 1, leads: 1 });
    expect((await recordsOf('台账戊'))[0].end_on).toBe(yesterday());
    const [history] = await t.database.query<{ event: string; changes: Record<string, unknown> }>(
      `SELECT e.event, e.changes FROM employment_history e JOIN employment_records r ON r.id = e.record_id
         JOIN persons p ON p.id = r.person_id WHERE p.name = '台账戊' ORDER BY e.id DESC LIMIT 1`,
    );
    expect(history).toMatchObject({ event: 'end', changes: { monthlyWage: [2600, 2800] } });
    const [lead] = await t.database.query<{ source: string }>(
      `SELECT source FROM monitoring_leads WHERE household_id = $1 AND status = 'open'`,
      [h.id],
    );
    expect(lead.source).toBe('employment');
    const again = await post(w.staff, [row(p, { 月工资: '2800', 结束日期: yesterday() })], false);
    expect(again.json()).toMatchObject({ ended: 0, leads: 0 });
  });

  it('reads a CSV saved by Chinese Excel (GBK) as the workbook', async () => {
    const h = await household(t, w, ['台账己']);
    const res = await send(
      w.staff,
      URL,
      gbkCsv(LEDGER_HEADERS, [row(h.people[0], { 就业类型: '公益性岗位' })]),
      'l.csv',
    );
    expect(res.json()).toMatchObject({ rows: 1, valid: 1, created: 1 });
  });

  it('refuses a legacy .xls workbook by its content', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const res = await send(w.staff, URL, ole, 'ledger.xls', { dryRun: 'true' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'file',
      reason: expect.stringMatching(/legacy \.xls/),
    });
  });

  it('refuses a workbook that is not the template', async () => {
    const res = await send(
      w.staff,
      URL,
      await xlsx(['户编号', '年度'], [{ 户编号: '1', 年度: '2025' }]),
      'x.xlsx',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].reason).toBe('file.not_template');
    const dir = path.join(t.config.dataDir, 'imports');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });
});
