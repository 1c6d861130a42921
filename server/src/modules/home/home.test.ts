import { expect, it } from 'vitest';
import { signIn, type Client } from '../../../test/harness.ts';
import {
  caseWorld,
  caseSuite,
  householdWithLead,
  openedCase,
  type CaseWorld,
} from '../cases/cases.fixture.ts';

const s = caseSuite();

const todo = async (c: Client) => {
  const res = await c.get('/api/home/todo');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const report = async (c: Client, placeId: number) => {
  const res = await c.post('/api/incidents', {
    categoryCode: 'neighbour_dispute',
    title: '楼道漏水',
    placeId: String(placeId),
  });
  expect(res.statusCode, res.body).toBe(201);
};
const total = async (c: Client, path: string) => (await c.get(path)).json().total;

/** Work in a community: `leads` open leads, `cases` opened cases and `reports` reports by its resident. */
async function work(w: CaseWorld, n: { leads: number; cases: number; reports: number }) {
  for (let i = 0; i < n.leads; i++) await householdWithLead(s.t, w);
  for (let i = 0; i < n.cases; i++) await openedCase(s.t, w);
  const resident = await signIn(s.t, ['resident'], [w.tree.dwelling]);
  for (let i = 0; i < n.reports; i++) await report(resident, w.tree.dwelling);
  return resident;
}

it("counts each role's work in its own scope only, the same as the lists it links to", async () => {
  const { t, w } = s;
  const other = await caseWorld(t);
  const resident = await work(w, { leads: 2, cases: 1, reports: 3 });
  await work(other, { leads: 1, cases: 0, reports: 1 });

  const staff = await todo(w.staff);
  // every household made here has labour and nobody employed, so each is flagged zero-employment
  expect(staff).toEqual({ toAccept: 3, overdue: 0, leads: 2, cases: 1, zeroEmployment: 3 });
  expect(await todo(other.staff)).toEqual({ toAccept: 1, overdue: 0, leads: 1, cases: 0, zeroEmployment: 1 });
  expect(staff.leads).toBe(await total(w.staff, '/api/monitoring/leads?status=open'));
  expect(staff.cases).toBe(await total(w.staff, '/api/monitoring/cases?mine=true'));
  expect(staff.zeroEmployment).toBe(await total(w.staff, '/api/employment/zero?status=open'));

  const grid = await todo(w.grid);
  expect(Object.keys(grid)).toEqual(['toAccept', 'overdue', 'visitsDue', 'leads', 'cases', 'zeroEmployment']);
  expect(grid.visitsDue).toBe(await total(w.grid, '/api/visits/due'));
  expect(grid.leads).toBe(2);

  const county = await todo(w.county);
  expect(Object.keys(county)).toEqual(['toAccept', 'overdue', 'leads', 'cases', 'inHand']);
  expect(county.leads).toBe(2);

  expect(await todo(resident)).toEqual({ myReports: 3 });
});

it('counts nothing for the administrators and answers no one signed out', async () => {
  const admin = await signIn(s.t, ['audit_admin']);
  expect(await todo(admin)).toEqual({});
  const res = await s.t.app.inject({ method: 'GET', url: '/api/home/todo' });
  expect(res.statusCode).toBe(401);
});
