import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, type Client } from '../../../test/harness.ts';
import { incidentsWorld } from './incidents.fixture.ts';

const w = incidentsWorld();
/** A county admin scoped to the whole province: the categories apply everywhere. */
let province: Client;
beforeAll(async () => {
  province = await signIn(w.t, ['county_admin'], [w.tree.province]);
});

const LIMITS = {
  limitUnit: 'working_days',
  acceptHours: 24,
  deadlineHours: 72,
  acceptDays: 1,
  deadlineDays: 5,
  extensionCapHours: 336,
  extensionCapDays: 10,
};

/** A category of its own, so the shared catalogue stays as other tests expect it. */
async function ownCategory() {
  const code = `lim_${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 12)}`;
  await w.t.database.query(
    `INSERT INTO incident_categories (code, name_zh, name_en, accept_hours, deadline_hours) VALUES ($1, '测试类', 'Test', 24, 72)`,
    [code],
  );
  return code;
}

describe('category limits in hours or working days', () => {
  it('lists each category with its unit, limits and version', async () => {
    const code = await ownCategory();
    const list = (await w.grid.get('/api/incident-categories')).json();
    expect(list.find((c: { code: string }) => c.code === code)).toMatchObject({
      limitUnit: 'hours',
      acceptHours: 24,
      deadlineHours: 72,
      extensionCapDays: 10,
      version: 0,
    });
  });

  it('lets an admin holding incident:policy switch a category to working days, at the version read', async () => {
    const code = await ownCategory();
    const url = `/api/incident-categories/${code}/limits`;
    const res = await province.put(url, { ...LIMITS, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code, limitUnit: 'working_days', deadlineDays: 5, version: 1 });
    expect(errorCode(await province.put(url, { ...LIMITS, version: 0 }))).toBe('conflict');
    const [a] = await w.t.database.query<{ target_id: string }>(
      `SELECT target_id FROM audit_log WHERE actor_id = $1 AND action = 'incident.category_limits'`,
      [province.userId],
    );
    expect(a.target_id).toBe(code);
  });

  it('refuses others, unknown categories and limits out of range', async () => {
    const code = await ownCategory();
    const url = `/api/incident-categories/${code}/limits`;
    // a county admin of one county does not set the limits of every county
    const county = await w.county.put(url, { ...LIMITS, version: 0 });
    expect(errorCode(county)).toBe('forbidden');
    expect(county.json().error.message).toMatch(/whole province/);
    expect(errorCode(await w.township.put(url, { ...LIMITS, version: 0 }))).toBe('forbidden');
    expect(errorCode(await w.grid.put(url, { ...LIMITS, version: 0 }))).toBe('forbidden');
    expect(
      (await province.put('/api/incident-categories/no_such_thing/limits', { ...LIMITS, version: 0 }))
        .statusCode,
    ).toBe(404);
    for (const [body, field] of [
      [{ limitUnit: 'weeks' }, 'limitUnit'],
      [{ deadlineDays: 0 }, 'deadlineDays'],
      [{ acceptHours: 721 }, 'acceptHours'],
    ] as const) {
      const res = await province.put(url, { ...LIMITS, version: 0, ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    }
  });
});
