import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;
const YEAR = 2025;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  worker = await workerOf(t, w, w.tree.grid);
});
afterAll(() => t.close());

const job = (personId: string, monthlyWage: number, startOn: string, endOn: string | null = null) =>
  worker.post('/api/employment/records', {
    personId,
    kind: 'workshop',
    employerName: '帮扶车间',
    monthlyWage,
    startOn,
    endOn,
    source: 'grid_worker',
  });

/** A family whose head worked 16 March – 15 May 2025 at 3,100 a month and whose spouse works from 2024 at 2,000. */
async function working() {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await family(w, dwelling);
  const [head, spouse] = h.members as { id: string }[];
  await job(head.id, 3100, '2025-03-16', '2025-05-15');
  await job(spouse.id, 2000, '2024-07-01');
  return { id: h.id as string, head, spouse };
}

const url = (id: string, year = YEAR) => `/api/households/${id}/employment/wages?year=${year}`;
const zeros = {
  operating: 0,
  property: 0,
  transfer: 0,
  productionCosts: 0,
  medicalExpense: 0,
  schoolingExpense: 0,
};

describe("a household's wage income from its employment records", () => {
  it('computes the year per person, with nothing declared yet', async () => {
    const h = await working();
    const res = await w.staff.get(url(h.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      year: YEAR,
      total: 6200 + 24000,
      declared: null,
      mayAccept: true,
      persons: [
        { personId: h.head.id, months: 2, wage: 6200 },
        { personId: h.spouse.id, months: 12, wage: 24000 },
      ],
    });
    expect((await w.staff.get(url(h.id, 2024))).json()).toMatchObject({ total: 12000 });
    expect(errorCode(await w.staff.get(url(h.id, new Date().getFullYear() + 1)))).toBe('validation_failed');
  });

  it('shows the declared wage beside it, and only an accept replaces it, keeping the other items', async () => {
    const h = await working();
    const declared = await w.staff.put(`/api/households/${h.id}/incomes`, {
      year: YEAR,
      ...zeros,
      wage: 10000,
      transfer: 3000,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect((await w.staff.get(url(h.id))).json()).toMatchObject({
      total: 30200,
      declared: { wage: 10000, wageSource: 'declared', version: 1 },
    });
    const stale = await w.staff.post(`/api/households/${h.id}/employment/wages/accept`, {
      year: YEAR,
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    const accepted = await w.staff.post(`/api/households/${h.id}/employment/wages/accept`, {
      year: YEAR,
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().declared).toEqual({ wage: 30200, wageSource: 'employment_records', version: 2 });
    const [record] = (await w.staff.get(`/api/households/${h.id}/incomes`)).json();
    expect(record).toMatchObject({ wage: 30200, transfer: 3000, wageSource: 'employment_records' });
    // an edit of another item keeps where the wage came from; a new wage is declared again
    const edit = { year: YEAR, ...zeros, wage: 30200, transfer: 3500, version: 2 };
    const kept = await w.staff.put(`/api/households/${h.id}/incomes`, edit);
    expect(kept.json().income.wageSource).toBe('employment_records');
    const typed = await w.staff.put(`/api/households/${h.id}/incomes`, { ...edit, wage: 28000, version: 3 });
    expect(typed.json().income.wageSource).toBe('declared');
  });

  it('makes a new income record holding the wage alone when the year has none', async () => {
    const h = await working();
    const res = await w.staff.post(`/api/households/${h.id}/employment/wages/accept`, { year: YEAR });
    expect(res.json().declared).toEqual({ wage: 30200, wageSource: 'employment_records', version: 1 });
    expect(
      errorCode(await w.staff.post(`/api/households/${h.id}/employment/wages/accept`, { year: YEAR })),
    ).toBe('conflict');
  });

  it('answers 404 out of scope, and lets the origin side read but not accept', async () => {
    const h = await working();
    const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await outsider.get(url(h.id))).statusCode).toBe(404);
    expect(
      (await outsider.post(`/api/households/${h.id}/employment/wages/accept`, { year: YEAR })).statusCode,
    ).toBe(404);
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    const read = await origin.get(url(h.id));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().mayAccept).toBe(false);
    expect(
      errorCode(await origin.post(`/api/households/${h.id}/employment/wages/accept`, { year: YEAR })),
    ).toBe('forbidden');
  });
});
