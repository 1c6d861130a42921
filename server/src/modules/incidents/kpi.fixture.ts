import { afterAll, beforeAll, expect } from 'vitest';
import {
  addPlace,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

const HOUR = 3_600_000;
/** An instant given as a wall-clock time in China (UTC+8). */
export const china = (local: string) => new Date(`${local}+08:00`).getTime();
export const MARCH = 'from=2026-03-01&to=2026-03-31';

export interface Facts {
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
export async function incident(t: TestApp, gridId: number, f: Facts) {
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

async function addDepartment(t: TestApp, countyId: number, name: string) {
  const [d] = await t.database.query<{ id: number }>(
    `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, $3, 'Bureau') RETURNING id`,
    [countyId, `k${Date.now().toString(36)}${serial++}`, name],
  );
  return Number(d.id);
}

export interface KpiWorld {
  t: TestApp;
  tree: Tree;
  /** A second county, out of the first one's scope. */
  far: Tree;
  /** A third grid of the first community, where nothing was reported. */
  idleGrid: number;
  department: number;
  farDepartment: number;
  /** An officer of `department`. */
  departmentUser: Client;
}

/** The incidents of March 2026 (China time) the worked examples count, for the tests of one file. */
export function kpiWorld(): KpiWorld {
  const w = {} as KpiWorld;
  beforeAll(async () => {
    const t = await testApp();
    const tree = await makeTree(t.database);
    const far = await makeTree(t.database);
    const idleGrid = await addPlace(t.database, tree.community, 'grid', '第三网格');
    const department = await addDepartment(t, tree.county, '县人社局');
    const farDepartment = await addDepartment(t, far.county, '邻县民政局');
    const departmentUser = await signIn(t, ['department_officer'], [tree.county]);
    await t.database.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [
      departmentUser.userId,
      department,
    ]);
    const g1 = tree.grid;
    // the first instant of the period: accepted, closed and rated in time
    await incident(t, g1, {
      reportedAt: china('2026-03-01T00:00:00'),
      acceptedAfter: 2,
      closedAfter: 48,
      satisfaction: 'satisfied',
    });
    // accepted late, closed late, dissatisfied, sent to the department
    await incident(t, g1, {
      reportedAt: china('2026-03-10T10:00:00'),
      acceptedAfter: 30,
      closedAfter: 100,
      satisfaction: 'dissatisfied',
      departmentId: department,
    });
    // nobody accepted it and it is past due
    await incident(t, g1, { reportedAt: china('2026-03-15T09:00:00'), overdue: true });
    // recalled: never counts, even accepted in time and overdue
    await incident(t, g1, {
      reportedAt: china('2026-03-12T09:00:00'),
      acceptedAfter: 1,
      status: 'recalled',
      overdue: true,
    });
    // the last instant of the period, still waiting
    await incident(t, g1, { reportedAt: china('2026-03-31T23:59:59') });
    // a second before and at the start of the next day, outside the period
    await incident(t, g1, {
      reportedAt: china('2026-02-28T23:59:59'),
      acceptedAfter: 1,
      closedAfter: 10,
      satisfaction: 'satisfied',
    });
    await incident(t, g1, { reportedAt: china('2026-04-01T00:00:00'), acceptedAfter: 1 });
    // the other community: one good case sent to the department, one old overdue case
    await incident(t, tree.otherGrid, {
      reportedAt: china('2026-03-05T08:00:00'),
      acceptedAfter: 1,
      closedAfter: 24,
      satisfaction: 'basically_satisfied',
      departmentId: department,
    });
    await incident(t, tree.otherGrid, { reportedAt: china('2025-12-01T08:00:00'), overdue: true });
    // another county: its township and department
    await incident(t, far.grid, {
      reportedAt: china('2026-03-06T08:00:00'),
      acceptedAfter: 1,
      departmentId: farDepartment,
    });
    // the department officer's own report, handled by the other county's department
    await incident(t, far.grid, {
      reportedAt: china('2026-03-07T08:00:00'),
      departmentId: farDepartment,
      reporterUserId: departmentUser.userId,
    });

    Object.assign(w, { t, tree, far, idleGrid, department, farDepartment, departmentUser });
  });
  afterAll(() => w.t.close());
  return w;
}

export const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** The breakdown of March by `by`, as `c` sees it. */
export const breakdown = async (c: Client, by: string, extra = '') =>
  (await get(c, `/api/incidents/kpi/breakdown?by=${by}&${MARCH}${extra}`)).rows as {
    id: string;
    name: string;
    reported: number;
  }[];
export const row = (rows: { id: string }[], id: number) => rows.find((r) => r.id === String(id));
export const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
