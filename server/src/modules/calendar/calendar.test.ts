import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type Client, type TestApp, type Tree } from '../../../test/harness.ts';
import { calendarWorld } from './calendar.fixture.ts';

let t: TestApp;
let tree: Tree;
let far: Tree;
let county: Client;
let farCounty: Client;

beforeAll(async () => {
  t = await testApp();
  ({ tree, far, county, farCounty } = await calendarWorld(t));
});
afterAll(() => t.close());

const NATIONAL_DAY = ['01', '02', '03', '06', '07'].map((d) => ({
  day: `2026-10-${d}`,
  kind: 'holiday',
  name: '国庆节',
}));
const save = (c: Client, body: Record<string, unknown>) =>
  c.put('/api/calendar', {
    placeId: String(tree.county),
    year: 2026,
    source: '县政府通知',
    days: [],
    version: 0,
    ...body,
  });

describe('the holiday calendar of a year', () => {
  it('reads the national calendar as published until a county keeps its own', async () => {
    const res = await county.get(`/api/calendar?year=2026&placeId=${tree.grid}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ year: 2026, placeId: null, own: false, version: 0 });
    expect(c.source).toMatch(/国务院办公厅/);
    expect(c.days.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(33);
    expect(
      c.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { day: string }) => d.day),
    ).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    const y2025 = (await county.get(`/api/calendar?year=2025&placeId=${tree.grid}`)).json();
    expect(y2025.days.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(28);
    expect(
      y2025.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { day: string }) => d.day),
    ).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    // a year nobody published: weekends alone
    expect((await county.get('/api/calendar?year=2030')).json()).toMatchObject({ placeId: null, days: [] });
  });

  it('lets a county admin keep the county’s own, which places under it then use; 409 on a stale version', async () => {
    const first = await save(county, { days: NATIONAL_DAY });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      own: true,
      version: 1,
      placeId: String(tree.county),
      source: '县政府通知',
    });
    const under = (await county.get(`/api/calendar?year=2026&placeId=${tree.dwelling}`)).json();
    expect(under).toMatchObject({ placeId: String(tree.county), own: false });
    expect(under.days.map((d: { day: string }) => d.day)).toEqual(NATIONAL_DAY.map((d) => d.day));
    // the other county still runs by the national calendar
    expect((await farCounty.get(`/api/calendar?year=2026&placeId=${far.county}`)).json().placeId).toBeNull();
    const stale = await save(county, { days: [], version: 0 });
    expect(errorCode(stale)).toBe('conflict');
    const second = await save(county, {
      days: [{ day: '2026-10-11', kind: 'workday', name: '调休' }],
      version: 1,
    });
    expect(second.json()).toMatchObject({ version: 2, days: [{ day: '2026-10-11', kind: 'workday' }] });
    const [a] = await t.database.query<{ detail: { year: number; days: number } }>(
      `SELECT detail FROM audit_log WHERE actor_id = $1 AND action = 'calendar.save' ORDER BY id DESC LIMIT 1`,
      [county.userId],
    );
    expect(a.detail).toMatchObject({ year: 2026, days: 1 });
  });

  it('keeps a county admin to their own county, and other roles to reading', async () => {
    const other = await save(farCounty, { days: NATIONAL_DAY });
    expect(other.statusCode).toBe(404);
    expect((await farCounty.get(`/api/calendar?year=2026&placeId=${tree.grid}`)).statusCode).toBe(404);
    const township = await signIn(t, ['township_officer'], [tree.township]);
    expect((await township.get(`/api/calendar?year=2026&placeId=${tree.grid}`)).statusCode).toBe(200);
    expect(errorCode(await save(township, { placeId: String(tree.county) }))).toBe('forbidden');
    const resident = await signIn(t, ['resident'], [tree.dwelling]);
    expect(errorCode(await resident.get('/api/calendar?year=2026'))).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar?year=2026' })).statusCode).toBe(401);
  });

  it('answers bad input with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ placeId: String(tree.township) }, 'placeId'],
      [{ days: [{ day: '2027-01-01', kind: 'holiday' }] }, 'days.0.day'],
      [{ days: [{ day: '2026-10-08', kind: 'workday' }] }, 'days.0.kind'],
      [{ days: [NATIONAL_DAY[0], NATIONAL_DAY[0]] }, 'days.1.day'],
      [{ year: 1999 }, 'year'],
    ] as const) {
      const res = await save(county, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details[0].field, JSON.stringify(body)).toBe(field);
    }
    expect((await county.get('/api/calendar?year=abc')).json().error.details[0].field).toBe(
      'querystring.year',
    );
  });
});
