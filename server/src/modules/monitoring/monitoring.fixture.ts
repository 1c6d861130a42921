import { afterAll, beforeAll, expect } from 'vitest';
import { addPlace, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

export const YEAR = 2025;
export const LINE = 7000;

/** The rules these tests are written for: the test county's own, whatever the national ones are. */
const RULES = {
  income_below_line: { enabled: true },
  income_near_line: { enabled: true, factor: 1.5 },
  income_drop: { enabled: true, percent: 30 },
  rigid_expense: { enabled: true, percent: 50 },
  new_illness_disability: { enabled: true, days: 180 },
  no_labour: { enabled: true },
  disaster_incident: { enabled: true, days: 90, categories: ['safety_hazard'] },
};

export interface MonitoringWorld {
  t: TestApp;
  w: RegistryWorld;
  county: Client;
}

/**
 * The registry world with the rules above as its county's own and a province line of 7,000 yuan for
 * YEAR, for the tests of one file.
 */
export function monitoringWorld(): MonitoringWorld {
  const m = {} as MonitoringWorld;
  beforeAll(async () => {
    m.t = await testApp();
    m.w = await registryWorld(m.t);
    m.county = await signIn(m.t, ['county_admin'], [m.w.tree.county]);
    const rulesBefore = (await m.county.get('/api/monitoring/rules')).json();
    const rules = await m.county.put('/api/monitoring/rules', { rules: RULES, version: rulesBefore.version });
    expect(rules.statusCode, rules.body).toBe(200);
    const provinceAdmin = await signIn(m.t, ['county_admin'], [m.w.tree.province]);
    const set = await provinceAdmin.put('/api/monitoring/lines', {
      year: YEAR,
      placeId: String(m.w.tree.province),
      amount: LINE,
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => m.t.close());
  return m;
}

/** A family of three (head able to work, spouse seriously ill, a child) in a dwelling of its own. */
export async function household(
  m: MonitoringWorld,
): Promise<{ id: string; members: { id: string; version: number }[] }> {
  const dwelling = await addPlace(
    m.t.database,
    m.w.tree.building,
    'dwelling',
    `${Math.random()}室`.slice(0, 8),
  );
  return family(m.w, dwelling);
}

/** Income of a household of three whose per-capita net income is `perCapita` × 1 yuan. */
export const income = (perCapita: number, over: Record<string, number> = {}) => ({
  year: YEAR,
  wage: perCapita * 3,
  operating: 0,
  property: 0,
  transfer: 0,
  productionCosts: 0,
  medicalExpense: 0,
  schoolingExpense: 0,
  ...over,
});

/** The flags re-screening raises when a new household of three saves this income. */
export async function flagsFor(m: MonitoringWorld, perCapita: number, over: Record<string, number> = {}) {
  const h = await household(m);
  const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, income(perCapita, over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().flags as string[];
}
