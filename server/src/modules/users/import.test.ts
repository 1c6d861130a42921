import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

type Row = [string, string, string, string];

async function workbook(rows: Row[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('账号');
  sheet.addRow(['账号批量导入']);
  sheet.addRow(['用户名', '姓名', '角色', '负责地区编码']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function send(client: Client, body: Buffer, commit: boolean, fileName = 'accounts.xlsx') {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  return client.request({
    method: 'POST',
    url: `/api/users/import?commit=${commit}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

describe('accounts from Excel', () => {
  let t: TestApp;
  let tree: Tree;
  let security: Client;
  let gridCode: string;
  let communityCode: string;
  const tag = Date.now().toString(36);
  const name = (n: string) => `gw${tag}${n}`;
  const count = async () =>
    (
      await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username LIKE $1`, [
        `gw${tag}%`,
      ])
    )[0].n;
  beforeAll(async () => {
    t = await testApp();
    tree = await makeTree(t.database);
    security = await signIn(t, ['security_admin']);
    const codes = await t.database.query<{ id: number; code: string }>(
      'SELECT id, code FROM places WHERE id IN ($1, $2)',
      [tree.grid, tree.community],
    );
    gridCode = codes.find((c) => Number(c.id) === tree.grid)!.code;
    communityCode = codes.find((c) => Number(c.id) === tree.community)!.code;
  });
  afterAll(() => t.close());

  it('a dry run reports every bad row and writes nothing', async () => {
    const taken = await signIn(t, ['grid_worker'], [tree.grid]);
    const res = await send(
      security,
      await workbook([
        [name('a'), '杨丽', '网格员', gridCode],
        ['Bad Name', '王强', '网格员', gridCode],
        [name('a'), '杨丽二', 'grid_worker', gridCode],
        [taken.username, '李四', '网格员', gridCode],
        [name('b'), '', '巡逻员', gridCode],
        [name('c'), '赵六', '县级管理员', 'nowhere'],
        [name('d'), '钱七', '网格员、社区工作人员', ''],
      ]),
      true,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: false, rows: 7, created: [] });
    expect(body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual([
      '4:username',
      '5:username',
      '6:username',
      '7:displayName',
      '7:roles',
      '8:roles',
      '8:places',
      '9:places',
    ]);
    expect(body.problems[1]).toMatchObject({
      reason: 'appears twice in the file, also in row {{row}}',
      params: { row: '3' },
    });
    expect(body.problems[4]).toMatchObject({
      reason: 'unknown role: {{value}}',
      params: { value: '巡逻员' },
    });
    expect(await count()).toBe(0);
  });

  it('commits a good file at once: roles, places, one-time passwords to change at first sign-in, audited', async () => {
    const rows: Row[] = [
      [name('x'), '网格员 杨丽', '网格员', gridCode],
      [name('y'), '社区 陈主任', '社区工作人员，党员', `${communityCode}`],
    ];
    const dry = (await send(security, await workbook(rows), false)).json();
    expect(dry).toMatchObject({ committed: false, rows: 2, problems: [], created: [] });
    expect(await count()).toBe(0);

    const res = await send(security, await workbook(rows), true);
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done.committed).toBe(true);
    expect(done.created.map((c: { username: string }) => c.username)).toEqual([name('x'), name('y')]);
    const { password } = done.created[0];
    expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[#%+=@]).{12}$/);
    expect(password).not.toBe(done.created[1].password);

    const worker = await login(t.app, name('x'), password);
    const me = (await worker.get('/api/auth/me')).json();
    expect(me).toMatchObject({
      roles: ['grid_worker'],
      mustChangePassword: true,
      displayName: '网格员 杨丽',
    });
    expect(me.scopes.map((s: { id: string }) => Number(s.id))).toEqual([tree.grid]);
    await login(t.app, name('y'), done.created[1].password);
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.create' AND detail->>'username' LIKE $1`,
      [`gw${tag}%`],
    );
    expect(n).toBe(2);
    expect(
      JSON.stringify(
        await t.database.query('SELECT detail FROM audit_log WHERE action = $1', ['user.import']),
      ),
    ).not.toContain(password);

    const again = (await send(security, await workbook(rows), true)).json();
    expect(again.committed).toBe(false);
    expect(again.problems.map((p: { reason: string }) => p.reason)).toEqual([
      'username already taken',
      'username already taken',
    ]);
  });

  it('only the security administrator imports; a file without the header is refused naming the file', async () => {
    const file = await workbook([[name('z'), '孙八', '网格员', gridCode]]);
    for (const roles of [['system_admin'], ['community_staff']] as const) {
      const other = await signIn(t, [...roles], roles[0] === 'community_staff' ? [tree.community] : []);
      expect((await send(other, file, true)).statusCode).toBe(403);
    }
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['名字', '角色']);
    const res = await send(security, Buffer.from(await book.xlsx.writeBuffer()), false);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'file', params: { column: '用户名' } });
    expect(await count()).toBe(2);
  });
});
