import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTree, testApp, type TestApp, type Tree } from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
});
afterAll(() => t.close());

/** The end of the `days`-th working day after a report at `local` (China time), as a China wall-clock instant. */
async function due(local: string, days: number, path = tree && `/${tree.county}/`) {
  const [r] = await t.database.query<{ end: Date }>(
    'SELECT working_day_end($1::timestamptz, $2, $3) AS end',
    [`${local}+08:00`, days, path],
  );
  return new Date(new Date(r.end).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

describe('working days by the national calendar', () => {
  it('counts the adjusted working Sunday before National Day 2025: Friday + 3 → end of Tuesday 30 September', async () => {
    expect(await due('2025-09-26T10:00:00', 3)).toBe('2025-10-01T00:00');
  });

  it('skips the eight days of National Day and Mid-Autumn 2025', async () => {
    expect(await due('2025-09-30T15:00:00', 1)).toBe('2025-10-10T00:00');
  });

  it('counts the adjusted working Sunday 20 September 2026 and Saturday 10 October 2026', async () => {
    expect(await due('2026-09-18T09:00:00', 1)).toBe('2026-09-21T00:00');
    expect(await due('2026-09-30T09:00:00', 3)).toBe('2026-10-11T00:00');
  });

  it('starts on the next day in China time, whatever the hour of the report', async () => {
    expect(await due('2025-09-26T23:59:59', 1)).toBe('2025-09-29T00:00');
    expect(await due('2025-09-27T00:00:00', 1)).toBe('2025-09-29T00:00');
  });

  it('crosses into the next year by that year’s calendar, and a year without one by weekends alone', async () => {
    expect(await due('2025-12-31T09:00:00', 2)).toBe('2026-01-06T00:00');
    expect(await due('2027-01-01T09:00:00', 1)).toBe('2027-01-05T00:00');
  });
});
