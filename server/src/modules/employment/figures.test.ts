import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_DEFINITIONS } from '@anju/contracts';
import { addPlace, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { completed, course, enrolled } from '../training/training.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let township: Client;
let staffB: Client;
let neighbour: Client;
let neighbourTownship: number;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function household(staff: Client, building: number) {
  const dwelling = await addPlace(t.database, building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await family({ ...w, staff }, dwelling);
  const [head, spouse] = h.members as { id: string }[];
  return { id: h.id as string, head: head.id, spouse: spouse.id };
}

async function job(
  staff: Client,
  personId: string,
  kind: string,
  startOn = '2025-03-01',
  endOn: string | null = null,
) {
  const res = await staff.post('/api/employment/records', {
    personId,
    kind,
    employerName: '单位',
    monthlyWage: 2500,
    startOn,
    endOn,
    source: 'grid_worker',
  });
  if (res.statusCode !== 201) throw new Error(`job: ${res.statusCode} ${res.body}`);
}

/**
 * Community A: H1 (workshop + outside the province), H2 (a job ended 70 days ago, nobody working),
 * H3 (public-welfare post + within the province), H5 (flagged 10 days ago, cleared by a job today);
 * community B: H4 (local enterprise, spouse not working). H1's head and H2's spouse completed a course.
 */
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  staffB = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  township = await signIn(t, ['township_officer'], [w.tree.township]);
  const county = (
    await t.database.query<{ parent_id: string }>('SELECT parent_id FROM places WHERE id = $1', [
      w.tree.township,
    ])
  )[0];
  neighbourTownship = await addPlace(t.database, Number(county.parent_id), 'township', '邻镇');
  neighbour = await signIn(t, ['township_officer'], [neighbourTownship]);
  const buildingB = await addPlace(t.database, w.tree.otherGrid, 'building', '2栋');
  const [h1, h2, h3, h5] = [
    await household(w.staff, w.tree.building),
    await household(w.staff, w.tree.building),
    await household(w.staff, w.tree.building),
    await household(w.staff, w.tree.building),
  ];
  const h4 = await household(staffB, buildingB);
  await job(w.staff, h1.head, 'workshop');
  await job(w.staff, h1.spouse, 'export_out_of_province');
  await job(w.staff, h2.head, 'local_enterprise', '2024-01-01', day(-70));
  await job(w.staff, h3.head, 'public_welfare_post');
  await job(w.staff, h3.spouse, 'export_in_province');
  await job(staffB, h4.head, 'local_enterprise');
  expect((await township.post('/api/employment/zero/recompute')).statusCode).toBe(200);
  await t.database.query(
    `UPDATE zero_employment_households SET flagged_on = current_date - 10 WHERE household_id = $1 AND cleared_on IS NULL`,
    [h5.id],
  );
  await job(w.staff, h5.head, 'local_enterprise', day(0));
  const c = (await course(w.staff, w.tree.community, { startOn: day(-60), endOn: day(-30) })).json();
  for (const p of [h1.head, h2.spouse]) {
    const res = await completed(w.staff, await enrolled(w.staff, c.id, p), 40, day(-30));
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => t.close());

const TOWNSHIP = {
  labour_force: 10,
  employed: 6,
  employment_rate: 60,
  households_with_labour: 5,
  households_with_employed_rate: 80,
  zero_employment_households: 1,
  // H1, H3 and H4 were flagged when registered and cleared by their first job the same day; H5 after 10
  zero_days_to_clear: 2.5,
  exported_in_province: 1,
  exported_out_of_province: 1,
  workshop_employed: 1,
  post_employed: 1,
  training_completions: 2,
  employed_after_training_rate: 50,
};

describe('employment figures', () => {
  it('counts a township and its communities exactly', async () => {
    const res = await township.get('/api/employment/figures');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.place).toMatchObject({ id: String(w.tree.township), level: 'township' });
    expect(f.values).toEqual(TOWNSHIP);
    const a = f.children.find((c: { id: string }) => c.id === String(w.tree.community));
    const b = f.children.find((c: { id: string }) => c.id === String(w.tree.otherCommunity));
    expect(a.values).toMatchObject({
      labour_force: 8,
      employed: 5,
      employment_rate: 62.5,
      households_with_labour: 4,
    });
    expect(a.values).toMatchObject({
      households_with_employed_rate: 75,
      zero_employment_households: 1,
      training_completions: 2,
    });
    expect(b.values).toMatchObject({
      labour_force: 2,
      employed: 1,
      employment_rate: 50,
      training_completions: 0,
    });
    expect(b.values.employed_after_training_rate).toBeNull();
  });

  it('has a trend of 12 months from the records’ dates', async () => {
    const { trend } = (await township.get('/api/employment/figures')).json();
    expect(trend).toHaveLength(12);
    expect(trend[11]).toMatchObject({
      month: day(0).slice(0, 7),
      labourForce: 10,
      employed: 6,
      exported: 2,
      workshopAndPost: 2,
    });
    expect(trend[0]).toMatchObject({ labourForce: 10, employed: 6 });
    const before = trend.find((m: { month: string }) => m.month === day(-40).slice(0, 7));
    expect(before).toMatchObject({ employed: 5, employmentRate: 50 });
  });

  it('keeps to the caller’s scope: a community its own, a neighbouring township none of it', async () => {
    const own = (await w.staff.get('/api/employment/figures')).json();
    expect(own.place.id).toBe(String(w.tree.community));
    expect(own.values.labour_force).toBe(8);
    for (const url of [
      `/api/employment/figures?place=${w.tree.otherCommunity}`,
      `/api/employment/figures.xlsx?place=${w.tree.otherCommunity}`,
    ])
      expect((await w.staff.get(url)).statusCode).toBe(404);
    for (const url of [
      `/api/employment/figures?place=${w.tree.township}`,
      `/api/employment/figures.xlsx?place=${w.tree.township}`,
    ])
      expect((await neighbour.get(url)).statusCode).toBe(404);
    const theirs = (await neighbour.get('/api/employment/figures')).json();
    expect(theirs.place.id).toBe(String(neighbourTownship));
    expect(theirs.values).toMatchObject({
      labour_force: 0,
      employed: 0,
      employment_rate: null,
      training_completions: 0,
    });
    expect(theirs.children).toEqual([]);
  });

  it('exports the figures as numbers with a definitions sheet', async () => {
    const res = await township.get('/api/employment/figures.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [figures, trend, defs] = wb.worksheets;
    const total = figures.getRow(2).values as unknown[];
    expect(total.slice(2)).toEqual(FIGURE_DEFINITIONS.map((d) => TOWNSHIP[d.id]));
    expect(figures.rowCount).toBe(2 + 2);
    expect(trend.rowCount).toBe(13);
    expect(defs.getColumn(1).values.slice(2, 2 + FIGURE_DEFINITIONS.length)).toEqual(
      FIGURE_DEFINITIONS.map((d) => d.id),
    );
    const [audited] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'employment.figures_export' AND actor_id = $1`,
      [township.userId],
    );
    expect(audited.n).toBe(1);
  });

  it('counts a month with the labour capacity people had then, from the registry history', async () => {
    const monthOf = (trend: { month: string; labourForce: number }[], offset: number) =>
      trend.find((m) => m.month === day(offset).slice(0, 7))!.labourForce;
    const h = await household(w.staff, w.tree.building);
    const before = (await township.get('/api/employment/figures')).json().trend;
    const res = await w.staff.patch(`/api/persons/${h.head}`, { labourCapacity: 'none', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    await t.database.query(
      `UPDATE registry_history SET at = $2::date WHERE person_id = $1 AND changes ? 'labourCapacity'`,
      [h.head, day(-40)],
    );
    const after = (await township.get('/api/employment/figures')).json().trend;
    expect(monthOf(after, 0)).toBe(monthOf(before, 0) - 1);
    expect(monthOf(after, -40)).toBe(monthOf(before, -40) - 1);
    expect(monthOf(after, -72)).toBe(monthOf(before, -72));
    expect(monthOf(after, -300)).toBe(monthOf(before, -300));
  });
});
