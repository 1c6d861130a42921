import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPlace,
  errorCode,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let county: Client;

/** Noon on the 15th, `k` months back from this month (China time): far from any month's edge. */
const monthsAgo = (k: number) =>
  `((date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '${k} months' + interval '14 days 12 hours')
     AT TIME ZONE 'Asia/Shanghai')`;

/** 'YYYY-MM' of `k` months back, China time. */
function monthLabel(k: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  const d = new Date(Date.UTC(y, m - 1 - k, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function household(world: RegistryWorld, building = world.tree.building) {
  const dwelling = await addPlace(t.database, building, 'dwelling', `${Math.random()}`.slice(2, 8));
  return Number((await family(world, dwelling)).id);
}

interface CaseSpec {
  step: string;
  lead: number;
  category?: string;
  risks?: string[];
  identified?: number;
  closed?: number;
  /** SQL for step_due_at. */
  stepDue?: string;
}

/** A lead `lead` months ago and its case, written directly: the overview only reads them. */
async function addCase(householdId: number, c: CaseSpec) {
  const leadAt = monthsAgo(c.lead);
  await t.database.query(
    `WITH l AS (INSERT INTO monitoring_leads (household_id, source, status, created_at)
                VALUES ($1, 'visit', 'case', ${leadAt}) RETURNING id)
     INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, category, risk_types,
                                   step_due_at, decision_due_at, opened_at, identified_at, closed_at)
     SELECT h.id, l.id, h.residence_path, h.origin_path, $2, $3, $4::text[], ${c.stepDue ?? 'NULL'},
            ${leadAt} + interval '15 days', ${leadAt},
            ${c.identified === undefined ? 'NULL' : monthsAgo(c.identified)},
            ${c.closed === undefined ? 'NULL' : monthsAgo(c.closed)}
       FROM households h, l WHERE h.id = $1`,
    [householdId, c.step, c.category ?? null, c.risks ?? []],
  );
}

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  county = await signIn(t, ['county_admin'], [w.tree.county]);
  await addCase(await household(w), {
    step: 'assisted',
    lead: 2,
    identified: 2,
    category: 'unstable',
    risks: ['illness', 'schooling'],
  });
  await addCase(await household(w), {
    step: 'elimination_township',
    lead: 8,
    identified: 8,
    category: 'marginal',
    risks: ['illness'],
    stepDue: `now() - interval '1 day'`,
  });
  await addCase(await household(w), { step: 'verification', lead: 1, stepDue: `now() + interval '2 days'` });
  await addCase(await household(w), {
    step: 'eliminated',
    lead: 9,
    identified: 9,
    closed: 1,
    category: 'marginal',
    risks: ['accident'],
  });
  await addCase(await household(w), { step: 'not_identified', lead: 4, closed: 3, category: 'unstable' });
  const fresh = await household(w);
  await t.database.query(
    `WITH l AS (INSERT INTO monitoring_leads (household_id, source, status) VALUES ($1, 'screening', 'case') RETURNING id)
     INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, category, risk_types,
                                   step_due_at, decision_due_at)
     SELECT h.id, l.id, h.residence_path, h.origin_path, 'comparison', 'sudden_hardship', '{disability}',
            now() + interval '3 days', now() + interval '15 days'
       FROM households h, l WHERE h.id = $1`,
    [fresh],
  );
  // a neighbouring community's monitored household: the county sees it, the first community's staff do not
  const otherStaff = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  const otherBuilding = await addPlace(t.database, w.tree.otherGrid, 'building', '2栋');
  await addCase(await household({ ...w, staff: otherStaff }, otherBuilding), {
    step: 'assisted',
    lead: 5,
    identified: 5,
    category: 'unstable',
    risks: ['lack_of_labour'],
  });
});
afterAll(() => t.close());

const get = (c: Client, query = '') => c.get(`/api/monitoring/overview${query}`);

describe('monitoring overview', () => {
  it('counts live cases by category, risk type and step, the overdue and the elimination rate', async () => {
    const res = await get(w.staff);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.byCategory).toEqual([
      { code: 'marginal', count: 1 },
      { code: 'sudden_hardship', count: 1 },
      { code: 'unstable', count: 1 },
    ]);
    expect(o.byRiskType).toEqual([
      { code: 'illness', count: 2 },
      { code: 'disability', count: 1 },
      { code: 'schooling', count: 1 },
    ]);
    expect(o.byStep).toEqual([
      { code: 'verification', count: 1 },
      { code: 'comparison', count: 1 },
      { code: 'assisted', count: 1 },
      { code: 'elimination_township', count: 1 },
    ]);
    // the elimination step is past its own deadline; the verification is past the 15-day decision deadline
    expect(o.overdue).toBe(2);
    expect(o.elimination).toEqual({ identified: 3, eliminated: 1, rate: 0.333 });
  });

  it('gives every month of the period its leads, identified, eliminated and monitored at month end', async () => {
    const o = (await get(w.staff, '?months=12')).json();
    expect(o.trend.map((p: { month: string }) => p.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthLabel(11 - i)),
    );
    const at = (k: number) => o.trend[11 - k];
    const series = (key: string) => Array.from({ length: 12 }, (_, i) => o.trend[i][key]);
    expect(series('leads')).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1]);
    expect(series('identified')).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(series('eliminated')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(series('monitored')).toEqual([0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 2, 2]);
    expect(at(0).month).toBe(monthLabel(0));
    // cases identified before the period still count as monitored at its first month's end
    const short = (await get(w.staff, '?months=3')).json();
    expect(short.trend.map((p: { monitored: number }) => p.monitored)).toEqual([3, 2, 2]);
  });

  it('narrows to a place in scope and counts what the county sees across communities', async () => {
    const all = (await get(county)).json();
    expect(all.byStep.find((s: { code: string }) => s.code === 'assisted').count).toBe(2);
    expect(all.byRiskType[0]).toEqual({ code: 'illness', count: 2 });
    expect(all.elimination.identified).toBe(4);
    const other = (await get(county, `?under=${w.tree.otherCommunity}`)).json();
    expect(other.byStep).toEqual([{ code: 'assisted', count: 1 }]);
    expect(other.byCategory).toEqual([{ code: 'unstable', count: 1 }]);
    expect(other.overdue).toBe(0);
  });

  it('counts the households of its villages for an official of the origin side', async () => {
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    const o = (await get(origin)).json();
    expect(o.byStep.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(5);
    expect(o.elimination).toEqual({ identified: 4, eliminated: 1, rate: 0.25 });
    expect(o.trend.at(-1).monitored).toBe(3);
    const village = (await get(origin, `?under=${w.village}`)).json();
    expect(village.overdue).toBe(2);
  });

  it('shows an official of another county zeros, and refuses a place outside the scope', async () => {
    const elsewhere = await makeTree(t.database);
    const stranger = await signIn(t, ['county_admin'], [elsewhere.county]);
    const o = (await get(stranger)).json();
    expect(o).toMatchObject({
      byCategory: [],
      byRiskType: [],
      byStep: [],
      overdue: 0,
      elimination: { identified: 0, eliminated: 0, rate: 0 },
    });
    expect(o.trend).toHaveLength(12);
    expect(o.trend.every((p: Record<string, unknown>) => p.leads === 0 && p.monitored === 0)).toBe(true);
    for (const place of [w.tree.community, w.tree.county, 999_999_999]) {
      const res = await get(stranger, `?under=${place}`);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    expect((await get(w.staff, `?under=${w.tree.otherCommunity}`)).statusCode).toBe(404);
  });

  it('refuses callers without monitoring:read and bad periods', async () => {
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect(errorCode(await get(resident))).toBe('forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/monitoring/overview' });
    expect(anonymous.statusCode).toBe(401);
    for (const months of ['0', '37', 'x']) {
      const res = await get(county, `?months=${months}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('querystring.months');
    }
  });
});
