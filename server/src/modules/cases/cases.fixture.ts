import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { addPlace, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

/** The officials around one resettlement community, from both sides of the dual jurisdiction. */
export interface CaseWorld extends RegistryWorld {
  grid: Client;
  township: Client;
  county: Client;
  /** A township officer of the origin county: sees the community's households registered there, decides nothing. */
  origin: Client;
  /** Staff of the neighbouring community: sees nothing of these cases. */
  neighbour: Client;
}

export async function caseWorld(t: TestApp): Promise<CaseWorld> {
  const w = await registryWorld(t);
  return {
    ...w,
    grid: await signIn(t, ['grid_worker'], [w.tree.grid]),
    township: await signIn(t, ['township_officer'], [w.tree.township]),
    county: await signIn(t, ['county_admin'], [w.tree.county]),
    origin: await signIn(t, ['township_officer'], [w.originTownship]),
    neighbour: await signIn(t, ['community_staff'], [w.tree.otherCommunity]),
  };
}

/** The case world of one test file: made before its tests, closed after them. */
export function caseSuite(): { t: TestApp; w: CaseWorld } {
  const s = {} as { t: TestApp; w: CaseWorld };
  beforeAll(async () => {
    s.t = await testApp();
    s.w = await caseWorld(s.t);
  });
  afterAll(() => s.t.close());
  return s;
}

/** The first detail of a refusal with `status`. */
export function refused(
  res: { statusCode: number; json(): { error: { details: unknown[] } } },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  return res.json().error.details[0];
}

/** The calendar day in China time `offset` days from today. */
export const chinaDay = (offset = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A new household of three in a dwelling of its own, with an open lead. */
export async function householdWithLead(t: TestApp, w: RegistryWorld) {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}室`.slice(0, 8));
  const household = await family(w, dwelling);
  const lead = await w.staff.post('/api/monitoring/leads', {
    householdId: household.id,
    source: 'department_data',
    note: '医保局：年度自付医疗费 4.2 万元',
  });
  expect(lead.statusCode, lead.body).toBe(201);
  return { household, leadId: lead.json().id as string };
}

/** A case just opened by the community, for a new household. */
export async function openedCase(t: TestApp, w: RegistryWorld) {
  const { household, leadId } = await householdWithLead(t, w);
  const res = await w.staff.post('/api/monitoring/cases', { leadId });
  expect(res.statusCode, res.body).toBe(201);
  return { household, leadId, id: res.json().id as string };
}

/** Takes an action on a case at its current version. */
export async function act(
  c: Client,
  id: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  const now = await c.get(`/api/monitoring/cases/${id}`);
  const version = now.statusCode === 200 ? now.json().version : 1;
  return c.post(`/api/monitoring/cases/${id}/actions`, { version, ...body });
}

/** Takes an action that must succeed; returns the case after it. */
export async function step(c: Client, id: string, body: Record<string, unknown>) {
  const res = await act(c, id, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const VERIFICATION = {
  items: {
    members_present: true,
    income_checked: true,
    expenses_checked: true,
    housing_checked: true,
    labour_checked: true,
    risk_confirmed: true,
  },
  consent: { signedBy: '李明', signedOn: '2026-11-20', form: 'signature' },
  category: 'sudden_hardship',
  riskTypes: ['illness'],
  note: '配偶重病住院',
};

export const COMPARISON = {
  hits: {
    vehicle: false,
    business_registration: false,
    property: false,
    bank_deposit: false,
    public_employee: false,
    civil_affairs: false,
    medical_insurance: true,
  },
  note: '医保：大额自付',
};

/** A community review held today that agreed. */
export const review = (over: Record<string, unknown> = {}) => ({
  heldOn: chinaDay(),
  attendees: '社区两委成员、党员代表、居民代表',
  attendeeCount: 11,
  result: 'agreed',
  votesFor: 11,
  note: '',
  ...over,
});

/** Moves the running notice `days` into the past, as if it went up earlier. */
export async function backdateNotice(t: TestApp, id: string, days: number) {
  await t.database.db.execute(
    sql`UPDATE monitoring_cases SET notice_from = notice_from - ${days}::int, notice_until = notice_until - ${days}::int
         WHERE id = ${Number(id)}`,
  );
}

/** Takes a new case through identification to the county's approval: assisted. */
export async function identified(t: TestApp, w: CaseWorld) {
  const opened = await openedCase(t, w);
  await step(w.staff, opened.id, { action: 'verify', verification: VERIFICATION });
  await step(w.staff, opened.id, { action: 'compare', comparison: COMPARISON });
  await step(w.staff, opened.id, { action: 'publish_notice', review: review() });
  await backdateNotice(t, opened.id, 5);
  await step(w.staff, opened.id, { action: 'approve' });
  await step(w.township, opened.id, { action: 'approve' });
  const done = await step(w.county, opened.id, { action: 'approve' });
  expect(done.step).toBe('assisted');
  return opened;
}
