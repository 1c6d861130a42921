import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { alertOverdueCases } from './cases.jobs.ts';
import { caseWorld, householdWithLead, step, VERIFICATION, type CaseWorld } from './cases.fixture.ts';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await testApp();
  w = await caseWorld(t);
});
afterAll(() => t.close());

/** A case opened today from a lead raised `days` ago. */
async function caseFromLead(days: number) {
  const { household, leadId } = await householdWithLead(t, w);
  await t.database.db.execute(
    sql`UPDATE monitoring_leads SET created_at = now() - make_interval(days => ${days}) WHERE id = ${Number(leadId)}`,
  );
  const res = await w.staff.post('/api/monitoring/cases', { leadId });
  expect(res.statusCode, res.body).toBe(201);
  return { household, id: res.json().id as string };
}

const alerts = async (c: Client, caseId: string) =>
  (await c.get('/api/notifications?pageSize=100'))
    .json()
    .items.filter(
      (n: { kind: string; link: string }) =>
        n.kind === 'case_overdue' && n.link === `/monitoring/cases/${caseId}`,
    );

it('alerts the owners of the current step once when a case passes the 15 days after its lead', async () => {
  const late = await caseFromLead(16);
  const onTime = await caseFromLead(1);
  const atTownship = await caseFromLead(16);
  await step(w.staff, atTownship.id, { action: 'verify', verification: VERIFICATION });
  await t.database.db.execute(
    sql`UPDATE monitoring_cases SET step = 'township_review' WHERE id = ${Number(atTownship.id)}`,
  );
  const detail = (await w.staff.get(`/api/monitoring/cases/${late.id}`)).json();
  expect(detail.overdue).toBe(true);
  expect((await w.staff.get(`/api/monitoring/cases/${onTime.id}`)).json().overdue).toBe(false);

  const first = await alertOverdueCases(t.database);
  expect(first.cases).toBeGreaterThanOrEqual(2);
  const [alert] = await alerts(w.staff, late.id);
  expect(alert.params).toEqual({ householdNo: late.household.householdNo, headName: '李明' });
  expect(await alerts(w.grid, late.id)).toHaveLength(1);
  expect(await alerts(w.township, late.id)).toHaveLength(0);
  expect(await alerts(w.township, atTownship.id)).toHaveLength(1);
  expect(await alerts(w.staff, atTownship.id)).toHaveLength(0);
  expect(await alerts(w.origin, late.id)).toHaveLength(0);
  expect(await alerts(w.neighbour, late.id)).toHaveLength(0);
  expect(await alerts(w.staff, onTime.id)).toHaveLength(0);
  const otherGrid = await signIn(t, ['grid_worker'], [w.tree.otherGrid]);
  expect(await alerts(otherGrid, late.id)).toHaveLength(0);

  await alertOverdueCases(t.database);
  expect(await alerts(w.staff, late.id)).toHaveLength(1);
  const list = (await w.staff.get('/api/monitoring/cases?overdue=true&pageSize=100')).json();
  expect(list.items.map((c: { id: string }) => c.id)).toContain(late.id);
});
