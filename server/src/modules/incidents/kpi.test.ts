import { describe, expect, it } from 'vitest';
import { signIn } from '../../../test/harness.ts';
import { breakdown, get, ids, kpiWorld, MARCH, row } from './kpi.fixture.ts';

const w = kpiWorld();

const G1 = {
  reported: 4,
  accepted: 2,
  acceptedInTime: 1,
  timelyAcceptanceRate: 0.25,
  closed: 2,
  closedOnTime: 1,
  fellDue: 3,
  onTimeClosureRate: 0.333,
  callbacks: 2,
  satisfied: 1,
  satisfactionRate: 0.5,
  averageHandlingHours: 74,
  overdueOpen: 1,
};
const G2 = {
  reported: 1,
  acceptedInTime: 1,
  timelyAcceptanceRate: 1,
  onTimeClosureRate: 1,
  satisfactionRate: 1,
  averageHandlingHours: 24,
  overdueOpen: 1,
};
const EMPTY = {
  reported: 0,
  timelyAcceptanceRate: null,
  onTimeClosureRate: null,
  satisfactionRate: null,
  averageHandlingHours: null,
  overdueOpen: 0,
};

describe('KPI worked examples (March 2026, China time)', () => {
  it('computes every KPI of a grid, recalled and out-of-period incidents left out', async () => {
    const county = await signIn(w.t, ['county_admin'], [w.tree.county]);
    const grids = await breakdown(county, 'grid');
    expect(row(grids, w.tree.grid)).toMatchObject(G1);
    expect(row(grids, w.tree.otherGrid)).toMatchObject(G2);
    expect(row(grids, w.idleGrid)).toMatchObject({ name: '第三网格', ...EMPTY });
    expect(ids(grids)).toEqual([w.tree.grid, w.tree.otherGrid, w.idleGrid].map(String).sort());
  });

  it('rolls grids up to communities and the township, matching the overall KPI', async () => {
    const county = await signIn(w.t, ['county_admin'], [w.tree.county]);
    const communities = await breakdown(county, 'community');
    expect(row(communities, w.tree.community)).toMatchObject({ ...G1, reported: 4 });
    expect(row(communities, w.tree.otherCommunity)).toMatchObject(G2);
    const [township] = await breakdown(county, 'township');
    const expected = {
      id: String(w.tree.township),
      reported: 5,
      acceptedInTime: 2,
      timelyAcceptanceRate: 0.4,
      closed: 3,
      fellDue: 4,
      onTimeClosureRate: 0.5,
      satisfactionRate: 0.667,
      averageHandlingHours: 57.3,
      overdueOpen: 2,
    };
    expect(township).toMatchObject(expected);
    const { id, ...figures } = expected;
    expect(await get(county, `/api/incidents/kpi?${MARCH}&under=${id}`)).toMatchObject(figures);
  });

  it('groups by the department incidents were sent to', async () => {
    const county = await signIn(w.t, ['county_admin'], [w.tree.county]);
    const departments = await breakdown(county, 'department');
    expect(ids(departments)).toEqual([String(w.department)]);
    expect(departments[0]).toMatchObject({
      name: '县人社局',
      nameEn: 'Bureau',
      reported: 2,
      timelyAcceptanceRate: 0.5,
      onTimeClosureRate: 0.5,
      satisfactionRate: 0.5,
      averageHandlingHours: 62,
      overdueOpen: 0,
    });
  });

  it('counts whole China days at both ends of the period, by week and by month', async () => {
    const staff = await signIn(w.t, ['community_staff'], [w.tree.community]);
    const months = await get(
      staff,
      `/api/incidents/kpi/trend?interval=month&from=2026-02-01&to=2026-04-30&under=${w.tree.community}`,
    );
    expect(months.points.map((p: { start: string; reported: number }) => [p.start, p.reported])).toEqual([
      ['2026-02-01', 1],
      ['2026-03-01', 4],
      ['2026-04-01', 1],
    ]);
    expect(months.points[1]).toMatchObject(G1);
    // 1 March 2026 is a Sunday: its week starts on 23 February, and holds only what was reported from 1 March
    const weeks = await get(staff, `/api/incidents/kpi/trend?interval=week&${MARCH}`);
    const starts = weeks.points.map((p: { start: string }) => p.start);
    expect(starts).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(weeks.points.map((p: { reported: number }) => p.reported)).toEqual([1, 0, 2, 0, 0, 1]);
    expect(weeks.points[2]).toMatchObject({ reported: 2, overdueOpen: 1, averageHandlingHours: 100 });
  });

  it('returns the definitions in both languages', async () => {
    const county = await signIn(w.t, ['county_admin'], [w.tree.county]);
    const definitions = await get(county, '/api/incidents/kpi/definitions');
    expect(definitions.map((d: { key: string }) => d.key)).toEqual([
      'timelyAcceptanceRate',
      'onTimeClosureRate',
      'satisfactionRate',
      'averageHandlingHours',
      'overdueOpen',
    ]);
    for (const d of definitions) {
      expect(d.name['zh-CN']).toBeTruthy();
      expect(d.excluded['en-US']).toMatch(/recalled/);
      expect(d.source['zh-CN']).toMatch(/12345/);
    }
    const onTime = definitions.find((d: { key: string }) => d.key === 'onTimeClosureRate');
    expect(onTime.numerator['en-US']).toMatch(/replied/);
    expect(onTime.denominator['en-US']).toMatch(/still open and overdue/);
  });
});
