import { afterAll, beforeAll, expect } from 'vitest';
import { makeTree, signIn, testApp, type Client, type TestApp, type Tree } from '../../../test/harness.ts';

export interface IncidentsWorld {
  t: TestApp;
  tree: Tree;
  resident: Client;
  grid: Client;
  /** A second grid worker of the same grid: the one incidents are dispatched to. */
  worker: Client;
  staff: Client;
  township: Client;
  county: Client;
  /** A department officer of the county's water bureau (`departmentId`). */
  officer: Client;
  departmentId: number;
}

/** A private place tree with a resident at home and an official of each rung, for the tests of one file. */
export function incidentsWorld(): IncidentsWorld {
  const w = {} as IncidentsWorld;
  beforeAll(async () => {
    w.t = await testApp();
    w.tree = await makeTree(w.t.database);
    const { t, tree } = w;
    w.resident = await signIn(t, ['resident'], [tree.dwelling]);
    w.grid = await signIn(t, ['grid_worker'], [tree.grid]);
    w.worker = await signIn(t, ['grid_worker'], [tree.grid]);
    w.staff = await signIn(t, ['community_staff'], [tree.community]);
    w.township = await signIn(t, ['township_officer'], [tree.township]);
    w.county = await signIn(t, ['county_admin'], [tree.county]);
    w.officer = await signIn(t, ['department_officer'], [tree.county]);
    const [d] = await t.database.query<{ id: number }>(
      `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, '县水务局', 'Water bureau') RETURNING id`,
      [tree.county, `sw${Date.now()}`],
    );
    w.departmentId = Number(d.id);
    await t.database.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [
      w.officer.userId,
      w.departmentId,
    ]);
  });
  afterAll(() => w.t.close());
  return w;
}

export type Incident = { id: string; version: number };
/** An answer whose other fields a test reads as it pleases. */
type Answer = Record<string, ReturnType<typeof JSON.parse>>;

/** A report of a neighbour dispute at the resident's home (or `over`'s place), by the resident unless `by` is given. */
export async function reported<T = Answer>(
  w: IncidentsWorld,
  over: Record<string, unknown> = {},
  by: Client = w.resident,
): Promise<Incident & T> {
  const res = await by.post('/api/incidents', {
    categoryCode: 'neighbour_dispute',
    title: '楼道漏水',
    placeId: String(w.tree.dwelling),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** One step on an incident at the version the caller holds. */
export const act = (c: Client, i: Incident, body: Record<string, unknown>) =>
  c.post(`/api/incidents/${i.id}/actions`, { version: i.version, ...body });

/** One step that must succeed; the incident as it then is. */
export async function ok<T = Answer>(
  c: Client,
  i: Incident,
  body: Record<string, unknown>,
): Promise<Incident & T> {
  const res = await act(c, i, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
