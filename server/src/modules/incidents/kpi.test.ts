import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPlace,
  errorCode,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

const HOUR = 3_600_000;
/** An instant given as a wall-clock time in China (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`).getTime();
const MARCH = 'from=2026-03-01&to=2026-03-31';

let t: TestApp;
let tree: Tree;
let far: Tree;
let idleGrid: number;
let department: number;
let farDepartment: number;
let departmentUser: Client;

interface Facts {
  reportedAt: number;
  acceptedAfter?: number;
  closedAfter?: number;
  /** The handler's reply (回单); the closure's time unless given. */
  repliedAfter?: number;
  /** The deadline; 72 h unless given. */
  dueAfter?: number;
  satisfaction?: string;
  status?: string;
  overdue?: boolean;
  departmentId?: number;
  reporterUserId?: number;
}

let serial = 0;
/** One incident at a grid with controlled times: accepted within 24 h and closed within 72 h are on time. */
async function incident(gridId: number, f: Facts) {
  const [g] = await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [gridId]);
  const at = (after?: number) => (after === undefined ? null : new Date(f.reportedAt + after * HOUR));
  const closed = f.closedAfter !== undefined;
  const code = `KPI${Date.now().toString(36)}${serial++}`;
  await t.database.query(
    `INSERT INTO incidents (code, category_code, title, source, reporter_user_id, place_id, place_path, level,
       handling_place_id, department_id, status, overdue, accept_due_at, due_at, reported_at, accepted_at,
       closed_at, satisfaction, replied_at)
     VALUES ($1, 'neighbour_dispute', '测试事件', 'grid_worker', $2, $3, $4, 0, $3, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      code,
      f.reporterUserId ?? null,
      gridId,
      g.path,
      f.departmentId ?? null,
      f.status ?? (closed ? 'closed' : f.acceptedAfter !== undefined ? 'accepted' : 'reported'),
      f.overdue ?? false,
      new Date(f.reportedAt + 24 * HOUR),
      new Date(f.reportedAt + (f.dueAfter ?? 72) * HOUR),
      new Date(f.reportedAt),
      at(f.acceptedAfter),
      at(f.closedAfter),
      f.satisfaction ?? null,
      at(f.repliedAfter ?? f.closedAfter),
    ],
  );
  // what went to a department had its own acceptance clock: here the same hours as the grid's
  if (f.departmentId)
    await t.database.query(
      `INSERT INTO incident_acceptances (incident_id, level, department_id, due_at, accepted_at)
       SELECT id, 0, department_id, accept_due_at, accepted_at FROM incidents WHERE code = $1`,
      [code],
    );
}

async function addDepartment(countyId: number, name: string) {
  const [d] = await t.database.query<{ id: number }>(
    `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, $3, 'Bureau') RETURNING id`,
    [countyId, `k${Date.now().toString(36)}${serial++}`, name],
  );
  return Number(d.id);
}

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  far = await makeTree(t.database);
  idleGrid = await addPlace(t.database, tree.community, 'grid', '第三网格');
  department = await addDepartment(tree.county, '县人社局');
  farDepartment = await addDepartment(far.county, '邻县民政局');
  departmentUser = await signIn(t, ['department_officer'], [tree.county]);
  await t.database.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [
    departmentUser.userId,
    department,
  ]);
  const g1 = tree.grid;
  // the first instant of the period: accepted, closed and rated in time
  await incident(g1, {
    reportedAt: china('2026-03-01T00:00:00'),
    acceptedAfter: 2,
    closedAfter: 48,
    satisfaction: 'satisfied',
  });
  // accepted late, closed late, dissatisfied, sent to the department
  await incident(g1, {
    reportedAt: china('2026-03-10T10:00:00'),
    acceptedAfter: 30,
    closedAfter: 100,
    satisfaction: 'dissatisfied',
    departmentId: department,
  });
  // nobody accepted it and it is past due
  await incident(g1, { reportedAt: china('2026-03-15T09:00:00'), overdue: true });
  // recalled: never counts, even accepted in time and overdue
  await incident(g1, {
    reportedAt: china('2026-03-12T09:00:00'),
    acceptedAfter: 1,
    status: 'recalled',
    overdue: true,
  });
  // the last instant of the period, still waiting
  await incident(g1, { reportedAt: china('2026-03-31T23:59:59') });
  // a second before and at the start of the next day, outside the period
  await incident(g1, {
    reportedAt: china('2026-02-28T23:59:59'),
    acceptedAfter: 1,
    closedAfter: 10,
    satisfaction: 'satisfied',
  });
  await incident(g1, { reportedAt: china('2026-04-01T00:00:00'), acceptedAfter: 1 });
  // the other community: one good case sent to the department, one old overdue case
  await incident(tree.otherGrid, {
    reportedAt: china('2026-03-05T08:00:00'),
    acceptedAfter: 1,
    closedAfter: 24,
    satisfaction: 'basically_satisfied',
    departmentId: department,
  });
  await incident(tree.otherGrid, { reportedAt: china('2025-12-01T08:00:00'), overdue: true });
  // another county: its township and department
  await incident(far.grid, {
    reportedAt: china('2026-03-06T08:00:00'),
    acceptedAfter: 1,
    departmentId: farDepartment,
  });
  // the department officer's own report, handled by the other county's department
  await incident(far.grid, {
    reportedAt: china('2026-03-07T08:00:00'),
    departmentId: farDepartment,
    reporterUserId: departmentUser.userId,
  });
});
afterAll(() => t.close());

const G1 = {
  reported: 4,
  accepted: 2,
  acceptedInTime: 1,
  timelyAcceptanceRate: 0.25,
  closed: 2,
  closedOnTime: 1,
  fellDue: 3,
  onTimeClosureRate: 0.333,
  callbacks: 2,
  satisfied: 1,
  satisfactionRate: 0.5,
  averageHandlingHours: 74,
  overdueOpen: 1,
};
const G2 = {
  reported: 1,
  acceptedInTime: 1,
  timelyAcceptanceRate: 1,
  onTimeClosureRate: 1,
  satisfactionRate: 1,
  averageHandlingHours: 24,
  overdueOpen: 1,
};
const EMPTY = {
  reported: 0,
  timelyAcceptanceRate: null,
  onTimeClosureRate: null,
  satisfactionRate: null,
  averageHandlingHours: null,
  overdueOpen: 0,
};

const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const breakdown = async (c: Client, by: string, extra = '') =>
  (await get(c, `/api/incidents/kpi/breakdown?by=${by}&${MARCH}${extra}`)).rows as {
    id: string;
    name: string;
    reported: number;
  }[];
const row = (rows: { id: string }[], id: number) => rows.find((r) => r.id === String(id));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('on-time closure as the appraisal rules define it', () => {
  it('is judged at the reply: replied at 40 h, called back at 50 h in a 48 h category is on time', async () => {
    const own = await makeTree(t.database);
    const at = china('2026-05-04T09:00:00');
    await incident(own.grid, {
      reportedAt: at,
      acceptedAfter: 1,
      repliedAfter: 40,
      closedAfter: 50,
      dueAfter: 48,
    });
    // the boundary the other way: replied a second after the deadline is late, however soon the callback
    await incident(own.grid, {
      reportedAt: at,
      acceptedAfter: 1,
      repliedAfter: 48 + 1 / 3600,
      closedAfter: 49,
      dueAfter: 48,
    });
    const county = await signIn(t, ['county_admin'], [own.county]);
    const k = await get(county, `/api/incidents/kpi?from=2026-05-01&to=2026-05-31&under=${own.grid}`);
    expect(k).toMatchObject({ closed: 2, closedOnTime: 1, fellDue: 2, onTimeClosureRate: 0.5 });
  });

  it('is taken over the incidents that fell due: 6 closed (5 on time) and 4 open overdue → 50 %', async () => {
    const own = await makeTree(t.database);
    const at = china('2026-05-04T09:00:00');
    for (let n = 0; n < 6; n++)
      await incident(own.grid, { reportedAt: at, acceptedAfter: 1, closedAfter: n < 5 ? 24 : 80 });
    for (let n = 0; n < 4; n++) await incident(own.grid, { reportedAt: at, acceptedAfter: 1, overdue: true });
    // open and not yet due: not in the denominator
    await incident(own.grid, { reportedAt: at, acceptedAfter: 1 });
    const county = await signIn(t, ['county_admin'], [own.county]);
    const k = await get(county, `/api/incidents/kpi?from=2026-05-01&to=2026-05-31&under=${own.grid}`);
    expect(k).toMatchObject({ closed: 6, closedOnTime: 5, fellDue: 10, onTimeClosureRate: 0.5 });
  });
});

describe('KPI worked examples (March 2026, China time)', () => {
  it('computes every KPI of a grid, recalled and out-of-period incidents left out', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const grids = await breakdown(county, 'grid');
    expect(row(grids, tree.grid)).toMatchObject(G1);
    expect(row(grids, tree.otherGrid)).toMatchObject(G2);
    expect(row(grids, idleGrid)).toMatchObject({ name: '第三网格', ...EMPTY });
    expect(ids(grids)).toEqual([tree.grid, tree.otherGrid, idleGrid].map(String).sort());
  });

  it('rolls grids up to communities and the township, matching the overall KPI', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const communities = await breakdown(county, 'community');
    expect(row(communities, tree.community)).toMatchObject({ ...G1, reported: 4 });
    expect(row(communities, tree.otherCommunity)).toMatchObject(G2);
    const [township] = await breakdown(county, 'township');
    const expected = {
      id: String(tree.township),
      reported: 5,
      acceptedInTime: 2,
      timelyAcceptanceRate: 0.4,
      closed: 3,
      fellDue: 4,
      onTimeClosureRate: 0.5,
      satisfactionRate: 0.667,
      averageHandlingHours: 57.3,
      overdueOpen: 2,
    };
    expect(township).toMatchObject(expected);
    const { id, ...figures } = expected;
    expect(await get(county, `/api/incidents/kpi?${MARCH}&under=${id}`)).toMatchObject(figures);
  });

  it('groups by the department incidents were sent to', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const departments = await breakdown(county, 'department');
    expect(ids(departments)).toEqual([String(department)]);
    expect(departments[0]).toMatchObject({
      name: '县人社局',
      nameEn: 'Bureau',
      reported: 2,
      timelyAcceptanceRate: 0.5,
      onTimeClosureRate: 0.5,
      satisfactionRate: 0.5,
      averageHandlingHours: 62,
      overdueOpen: 0,
    });
  });

  it('counts whole China days at both ends of the period, by week and by month', async () => {
    const staff = await signIn(t, ['community_staff'], [tree.community]);
    const months = await get(
      staff,
      `/api/incidents/kpi/trend?interval=month&from=2026-02-01&to=2026-04-30&under=${tree.community}`,
    );
    expect(months.points.map((p: { start: string; reported: number }) => [p.start, p.reported])).toEqual([
      ['2026-02-01', 1],
      ['2026-03-01', 4],
      ['2026-04-01', 1],
    ]);
    expect(months.points[1]).toMatchObject(G1);
    // 1 March 2026 is a Sunday: its week starts on 23 February, and holds only what was reported from 1 March
    const weeks = await get(staff, `/api/incidents/kpi/trend?interval=week&${MARCH}`);
    const starts = weeks.points.map((p: { start: string }) => p.start);
    expect(starts).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(weeks.points.map((p: { reported: number }) => p.reported)).toEqual([1, 0, 2, 0, 0, 1]);
    expect(weeks.points[2]).toMatchObject({ reported: 2, overdueOpen: 1, averageHandlingHours: 100 });
  });

  it('returns the definitions in both languages', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const definitions = await get(county, '/api/incidents/kpi/definitions');
    expect(definitions.map((d: { key: string }) => d.key)).toEqual([
      'timelyAcceptanceRate',
      'onTimeClosureRate',
      'satisfactionRate',
      'averageHandlingHours',
      'overdueOpen',
    ]);
    for (const d of definitions) {
      expect(d.name['zh-CN']).toBeTruthy();
      expect(d.excluded['en-US']).toMatch(/recalled/);
      expect(d.source['zh-CN']).toMatch(/12345/);
    }
    const onTime = definitions.find((d: { key: string }) => d.key === 'onTimeClosureRate');
    expect(onTime.numerator['en-US']).toMatch(/replied/);
    expect(onTime.denominator['en-US']).toMatch(/still open and overdue/);
  });
});

describe('KPI access', () => {
  it('shows a township officer no row of another township, in any grouping, trend or export', async () => {
    const officer = await signIn(t, ['township_officer'], [far.township]);
    for (const by of ['grid', 'community', 'township', 'department']) {
      const rows = await breakdown(officer, by);
      for (const id of [tree.grid, tree.otherGrid, idleGrid, tree.community, tree.township, department])
        expect(row(rows, id), `${by} ${id}`).toBeUndefined();
    }
    expect(ids(await breakdown(officer, 'township'))).toEqual([String(far.township)]);
    expect(row(await breakdown(officer, 'department'), farDepartment)).toMatchObject({ reported: 2 });
    expect(await breakdown(officer, 'grid', `&under=${tree.community}`)).toEqual([]);
    const trend = await get(officer, `/api/incidents/kpi/trend?${MARCH}&under=${tree.community}`);
    expect(trend.points.reduce((s: number, p: { reported: number }) => s + p.reported, 0)).toBe(0);
    const res = await officer.get(`/api/incidents/kpi/export?by=grid&${MARCH}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const names = wb.worksheets[0].getColumn(1).values.filter(Boolean);
    expect(names.sort()).toEqual(['第一网格', '第二网格', '网格'].sort());
  });

  it('limits community staff to their community, even in the township row', async () => {
    const staff = await signIn(t, ['community_staff'], [tree.otherCommunity]);
    expect(ids(await breakdown(staff, 'grid'))).toEqual([String(tree.otherGrid)]);
    expect(ids(await breakdown(staff, 'community'))).toEqual([String(tree.otherCommunity)]);
    const townships = await breakdown(staff, 'township');
    expect(townships).toHaveLength(1);
    expect(townships[0]).toMatchObject({ id: String(tree.township), reported: 1 });
    const worker = await signIn(t, ['grid_worker'], [tree.grid]);
    expect(ids(await breakdown(worker, 'grid'))).toEqual([String(tree.grid)]);
  });

  it('shows a department officer only their own department, and only what was sent to it', async () => {
    const departments = await breakdown(departmentUser, 'department');
    expect(ids(departments)).toEqual([String(department)]);
    expect(departments[0].reported).toBe(2);
    const grids = await breakdown(departmentUser, 'grid');
    expect(ids(grids)).toEqual([tree.grid, tree.otherGrid, far.grid].map(String).sort());
    expect(row(grids, tree.grid)).toMatchObject({ reported: 1, overdueOpen: 0 });
    const res = await departmentUser.get(`/api/incidents/kpi/export?by=department&${MARCH}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].getColumn(1).values.filter(Boolean)).toEqual(['部门', '县人社局']);
  });

  it('refuses roles without incident:read and signed-out callers', async () => {
    const resident = await signIn(t, ['resident'], [tree.dwelling]);
    for (const path of ['breakdown?by=grid&', 'trend?', 'export?by=grid&', 'definitions?']) {
      const url = `/api/incidents/kpi/${path}${MARCH}`;
      expect(errorCode(await resident.get(url)), url).toBe('forbidden');
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});

describe('KPI export and bad input', () => {
  it('exports the breakdown to .xlsx with the definitions, and audits it', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const res = await county.get(`/api/incidents/kpi/export?by=grid&${MARCH}&under=${tree.community}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const [figures, notes] = wb.worksheets;
    expect(figures.getRow(1).getCell(1).value).toBe('网格');
    const lines = [2, 3].map((n) => (figures.getRow(n).values as unknown[]).slice(1, 6));
    expect(lines.sort()).toEqual([
      ['第一网格', 4, 1, 0.25, 2],
      ['第三网格', 0, 0, undefined, 0],
    ]);
    expect(figures.rowCount).toBe(3);
    expect(notes.getRow(2).getCell(1).value).toBe('及时签收率');
    expect(String(notes.getRow(2).getCell(5).value)).toMatch(/12345/);
    const [a] = await t.database.query<{ detail: { by: string; rows: number } }>(
      `SELECT detail FROM audit_log WHERE actor_id = $1 AND action = 'incident.kpi_export'`,
      [county.userId],
    );
    expect(a.detail).toMatchObject({ by: 'grid', rows: 2 });
  });

  it('answers bad input with 400 naming the field', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    for (const [url, field] of [
      [`/api/incidents/kpi/breakdown?by=village&${MARCH}`, 'querystring.by'],
      ['/api/incidents/kpi/breakdown?by=grid&from=2026-03-02&to=2026-03-01', 'from'],
      ['/api/incidents/kpi/trend?from=2020-01-01&to=2026-03-01', 'to'],
      [`/api/incidents/kpi/trend?interval=day&${MARCH}`, 'querystring.interval'],
      [`/api/incidents/kpi/export?by=grid&${MARCH}&under=999999999999`, 'under'],
    ] as const) {
      const res = await county.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].field, url).toBe(field);
    }
  });
});
