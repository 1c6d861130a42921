import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/harness.ts';
import { incidentsWorld, ok, reported, type Incident } from './incidents.fixture.ts';
import { sweep } from './sweep.ts';

const w = incidentsWorld();

/** An instant given as a wall-clock time in China (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);
/** Midnight in China at the end of a day: where a working-day limit ends. */
const endOf = (day: string) => china(`${day}T00:00:00`).getTime() + 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Detail = { acceptDueAt: string; dueAt: string; reportedAt: string; actions: string[] };

/** A category of its own, in working days: acceptance 1, handling 3, extensions at most 4 in all. */
let inDays: string;
beforeAll(async () => {
  inDays = `wd_${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 12)}`;
  await w.t.database.query(
    `INSERT INTO incident_categories (code, name_zh, name_en, accept_hours, deadline_hours, limit_unit,
       accept_days, deadline_days, extension_cap_days)
     VALUES ($1, '工作日类', 'In working days', 24, 72, 'working_days', 1, 3, 4)`,
    [inDays],
  );
});
afterEach(() => vi.useRealTimers());

/** A report as if made at `local` China time. */
async function reportAt(local: string, categoryCode = inDays, placeId = w.tree.dwelling) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(china(local));
  const i = await reported<Detail>(w, { categoryCode, placeId: String(placeId) });
  vi.useRealTimers();
  return i;
}

describe('deadlines in working days, by the national calendar', () => {
  it('counts the adjusted working Sunday: reported on the Friday before National Day 2025, 3 working days', async () => {
    const i = await reportAt('2025-09-26T10:00:00');
    // acceptance: 1 working day → the adjusted working Sunday 28 September
    expect(i.acceptDueAt).toBe(iso(endOf('2025-09-28')));
    // handling: 28, 29, 30 September → the end of Tuesday 30 September, before the holiday
    expect(i.dueAt).toBe(iso(endOf('2025-09-30')));
  });

  it('skips National Day: reported on 30 September 2026, 3 working days end on the adjusted Saturday 10 October', async () => {
    const i = await reportAt('2026-09-30T16:30:00');
    expect(i.acceptDueAt).toBe(iso(endOf('2026-10-08')));
    expect(i.dueAt).toBe(iso(endOf('2026-10-10')));
  });

  it('leaves a category in hours on calendar hours, holidays or not', async () => {
    const i = await reportAt('2025-09-30T15:00:00', 'neighbour_dispute');
    const [c] = await w.t.database.query<{ accept_hours: number; deadline_hours: number }>(
      `SELECT accept_hours, deadline_hours FROM incident_categories WHERE code = 'neighbour_dispute'`,
    );
    const at = china('2025-09-30T15:00:00').getTime();
    expect(i.acceptDueAt).toBe(iso(at + c.accept_hours * 3_600_000));
    expect(i.dueAt).toBe(iso(at + c.deadline_hours * 3_600_000));
  });
});

describe('the sweep and extensions count working days too', () => {
  it('escalates only once the working day has passed, with the next rung’s clock in working days', async () => {
    const i = await reportAt('2025-09-30T15:00:00');
    expect(i.acceptDueAt).toBe(iso(endOf('2025-10-09')));
    // in the middle of the holiday nothing is late
    await sweep(w.t.database, china('2025-10-05T12:00:00'));
    const quiet = await w.t.database.query<{ level: number }>('SELECT level FROM incidents WHERE id = $1', [
      i.id,
    ]);
    expect(Number(quiet[0].level)).toBe(0);
    // the first working day after it has passed: up to the community, whose day is the adjusted Saturday 11 October
    await sweep(w.t.database, china('2025-10-10T00:00:01'));
    const [moved] = await w.t.database.query<{ level: number; accept_due_at: Date }>(
      'SELECT level, accept_due_at FROM incidents WHERE id = $1',
      [i.id],
    );
    expect(Number(moved.level)).toBe(1);
    expect(new Date(moved.accept_due_at).toISOString()).toBe(iso(endOf('2025-10-11')));
  });

  it('extends by working days up to the category’s cap, counted from the day the deadline ended', async () => {
    let i: Incident & Detail = await reportAt('2025-09-26T10:00:00');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2025-09-29T09:00:00'));
    i = await ok<Detail>(w.grid, i, { action: 'accept' });
    i = await ok<Detail>(w.grid, i, { action: 'handle' });
    const hours = await w.grid.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'ask_extension',
      hours: 24,
      note: '节后协调',
    });
    expect(hours.statusCode).toBe(400);
    expect(hours.json().error.details[0].field).toBe('days');
    i = await ok<Detail>(w.grid, i, { action: 'ask_extension', days: 3, note: '节后协调' });
    i = await ok<Detail>(w.township, i, { action: 'extend', days: 3, note: '同意' });
    // from the end of 30 September: 9, 10 and the adjusted Saturday 11 October
    expect(i.dueAt).toBe(iso(endOf('2025-10-11')));
    i = await ok<Detail>(w.grid, i, { action: 'ask_extension', days: 2, note: '再延' });
    const over = await w.township.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'extend',
      days: 2,
      note: '同意',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({
      field: 'days',
      reason: 'extensions of this category add up to at most {{days}} working days',
      params: { days: 4 },
    });
  });
});

describe('a county’s own calendar', () => {
  it('applies under the county instead of the national one, and the KPI judges on time by it', async () => {
    // the county works no adjusted Sunday, and rests on 9 October too
    const county = w.county;
    const saved = await county.put('/api/calendar', {
      placeId: String(w.tree.county),
      year: 2025,
      source: '县政府通知',
      version: 0,
      days: [
        ...['01', '02', '03', '06', '07', '08', '09'].map((d) => ({
          day: `2025-10-${d}`,
          kind: 'holiday',
          name: '国庆节',
        })),
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const i = await reportAt('2025-09-26T10:00:00');
    expect(i.acceptDueAt).toBe(iso(endOf('2025-09-29')));
    // 29, 30 September and Friday 10 October
    expect(i.dueAt).toBe(iso(endOf('2025-10-10')));
    // replied on 10 October: nine calendar days on, yet on time by three working days
    await w.t.database.query(
      `UPDATE incidents SET status = 'closed', accepted_at = $2, replied_at = $3, closed_at = $3 WHERE id = $1`,
      [i.id, china('2025-09-29T09:00:00'), china('2025-10-10T17:00:00')],
    );
    const staff = await signIn(w.t, ['community_staff'], [w.tree.community]);
    const k = (
      await staff.get(`/api/incidents/kpi?from=2025-09-26&to=2025-09-26&under=${w.tree.grid}`)
    ).json();
    expect(k).toMatchObject({ closed: 1, closedOnTime: 1 });
  });
});
