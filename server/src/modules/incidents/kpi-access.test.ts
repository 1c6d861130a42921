import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { errorCode, signIn } from '../../../test/harness.ts';
import { breakdown, get, ids, kpiWorld, MARCH, row } from './kpi.fixture.ts';

const w = kpiWorld();

describe('KPI access', () => {
  it('shows a township officer no row of another township, in any grouping, trend or export', async () => {
    const officer = await signIn(w.t, ['township_officer'], [w.far.township]);
    for (const by of ['grid', 'community', 'township', 'department']) {
      const rows = await breakdown(officer, by);
      for (const id of [
        w.tree.grid,
        w.tree.otherGrid,
        w.idleGrid,
        w.tree.community,
        w.tree.township,
        w.department,
      ])
        expect(row(rows, id), `${by} ${id}`).toBeUndefined();
    }
    expect(ids(await breakdown(officer, 'township'))).toEqual([String(w.far.township)]);
    expect(row(await breakdown(officer, 'department'), w.farDepartment)).toMatchObject({ reported: 2 });
    expect(await breakdown(officer, 'grid', `&under=${w.tree.community}`)).toEqual([]);
    const trend = await get(officer, `/api/incidents/kpi/trend?${MARCH}&under=${w.tree.community}`);
    expect(trend.points.reduce((s: number, p: { reported: number }) => s + p.reported, 0)).toBe(0);
    const res = await officer.get(`/api/incidents/kpi/export?by=grid&${MARCH}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const names = wb.worksheets[0].getColumn(1).values.filter(Boolean);
    expect(names.sort()).toEqual(['第一网格', '第二网格', '网格'].sort());
  });

  it('limits community staff to their community, even in the township row', async () => {
    const staff = await signIn(w.t, ['community_staff'], [w.tree.otherCommunity]);
    expect(ids(await breakdown(staff, 'grid'))).toEqual([String(w.tree.otherGrid)]);
    expect(ids(await breakdown(staff, 'community'))).toEqual([String(w.tree.otherCommunity)]);
    const townships = await breakdown(staff, 'township');
    expect(townships).toHaveLength(1);
    expect(townships[0]).toMatchObject({ id: String(w.tree.township), reported: 1 });
    const worker = await signIn(w.t, ['grid_worker'], [w.tree.grid]);
    expect(ids(await breakdown(worker, 'grid'))).toEqual([String(w.tree.grid)]);
  });

  it('shows a department officer only their own department, and only what was sent to it', async () => {
    const departments = await breakdown(w.departmentUser, 'department');
    expect(ids(departments)).toEqual([String(w.department)]);
    expect(departments[0].reported).toBe(2);
    const grids = await breakdown(w.departmentUser, 'grid');
    expect(ids(grids)).toEqual([w.tree.grid, w.tree.otherGrid, w.far.grid].map(String).sort());
    expect(row(grids, w.tree.grid)).toMatchObject({ reported: 1, overdueOpen: 0 });
    const res = await w.departmentUser.get(`/api/incidents/kpi/export?by=department&${MARCH}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].getColumn(1).values.filter(Boolean)).toEqual(['部门', '县人社局']);
  });

  it('refuses roles without incident:read and signed-out callers', async () => {
    const resident = await signIn(w.t, ['resident'], [w.tree.dwelling]);
    for (const path of ['breakdown?by=grid&', 'trend?', 'export?by=grid&', 'definitions?']) {
      const url = `/api/incidents/kpi/${path}${MARCH}`;
      expect(errorCode(await resident.get(url)), url).toBe('forbidden');
      expect((await w.t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
