import { describe, expect, it } from 'vitest';
import { signIn } from '../../../test/harness.ts';
import { household, income, LINE, monitoringWorld, YEAR } from './monitoring.fixture.ts';

const m = monitoringWorld();

describe('policy as data', () => {
  it('a county line overrides the province line for its households', async () => {
    const h = await household(m);
    const set = await m.county.put('/api/monitoring/lines', {
      year: YEAR - 3,
      placeId: String(m.w.tree.county),
      amount: 9000,
      source: '县乡村振兴局 2022 年监测范围通知',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().source).toBe('县乡村振兴局 2022 年监测范围通知');
    const provinceAdmin = await signIn(m.t, ['county_admin'], [m.w.tree.province]);
    await provinceAdmin.put('/api/monitoring/lines', {
      year: YEAR - 3,
      placeId: String(m.w.tree.province),
      amount: 5000,
    });
    const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, { ...income(8000), year: YEAR - 3 });
    expect(res.json().flags).toContain('income_below_line');
    const lines = await m.w.staff.get(`/api/monitoring/lines?year=${YEAR - 3}`);
    expect(lines.json().map((l: { amount: number; source: string }) => [l.amount, l.source])).toEqual([
      [5000, ''],
      [9000, '县乡村振兴局 2022 年监测范围通知'],
    ]);
    const tooLong = await m.county.put('/api/monitoring/lines', {
      year: YEAR - 3,
      placeId: String(m.w.tree.county),
      amount: 9000,
      source: 'x'.repeat(301),
    });
    expect(tooLong.json().error.details[0].field).toBe('source');
  });

  it('refuses a line below the county level, or outside the scope', async () => {
    const low = await m.county.put('/api/monitoring/lines', {
      year: YEAR,
      placeId: String(m.w.tree.community),
      amount: 7000,
    });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.details[0].field).toBe('placeId');
    const outside = await m.county.put('/api/monitoring/lines', {
      year: YEAR,
      placeId: String(m.w.tree.province),
      amount: 7000,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('rules are versioned; a stale edit is 409; the version that raised a lead is kept', async () => {
    const before = (await m.county.get('/api/monitoring/rules')).json();
    const changed = structuredClone(before.rules);
    changed.income_near_line.factor = 1.2;
    const saved = await m.county.put('/api/monitoring/rules', {
      rules: changed,
      note: '收紧边缘线',
      version: before.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ placeId: String(m.w.tree.county), note: '收紧边缘线' });
    expect(saved.json().version).toBeGreaterThan(before.version);
    const stale = await m.county.put('/api/monitoring/rules', {
      rules: before.rules,
      version: before.version,
    });
    expect(stale.statusCode).toBe(409);
    try {
      const h = await household(m);
      const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, income(Math.round(LINE * 1.3)));
      expect(res.json().flags).not.toContain('income_near_line');
      const history = (await m.county.get('/api/monitoring/rules/history')).json();
      expect(history[0].version).toBe(saved.json().version);
    } finally {
      await m.county.put('/api/monitoring/rules', {
        rules: before.rules,
        note: 'restore',
        version: saved.json().version,
      });
    }
  });
});

describe('access', () => {
  it('only holders of monitoring:policy set lines and rules', async () => {
    const line = { year: YEAR, placeId: String(m.w.tree.county), amount: 7200 };
    expect((await m.w.staff.put('/api/monitoring/lines', line)).statusCode).toBe(403);
    const rules = (await m.w.staff.get('/api/monitoring/rules')).json();
    expect(
      (await m.w.staff.put('/api/monitoring/rules', { rules: rules.rules, version: rules.version }))
        .statusCode,
    ).toBe(403);
  });
});
