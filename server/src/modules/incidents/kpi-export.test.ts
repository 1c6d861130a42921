import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../test/harness.ts';
import { kpiWorld, MARCH } from './kpi.fixture.ts';

const w = kpiWorld();

describe('KPI export and bad input', () => {
  it('exports the breakdown to .xlsx with the definitions, and audits it', async () => {
    const county = await signIn(w.t, ['county_admin'], [w.tree.county]);
    const res = await county.get(`/api/incidents/kpi/export?by=grid&${MARCH}&under=${w.tree.community}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const [figures, notes] = wb.worksheets;
    expect(figures.getRow(1).getCell(1).value).toBe('网格');
    const lines = [2, 3].map((n) => (figures.getRow(n).values as unknown[]).slice(1, 6));
    expect(lines.sort()).toEqual([
      ['第一网格', 4, 1, 0.25, 2],
      ['第三网格', 0, 0, undefined, 0],
    ]);
    expect(figures.rowCount).toBe(3);
    expect(notes.getRow(2).getCell(1).value).toBe('及时签收率');
    expect(String(notes.getRow(2).getCell(5).value)).toMatch(/12345/);
    const [a] = await w.t.database.query<{ detail: { by: string; rows: number } }>(
      `SELECT detail FROM audit_log WHERE actor_id = $1 AND action = 'incident.kpi_export'`,
      [county.userId],
    );
    expect(a.detail).toMatchObject({ by: 'grid', rows: 2 });
  });

  it('answers bad input with 400 naming the field', async () => {
    const county = await signIn(w.t, ['county_admin'], [w.tree.county]);
    for (const [url, field] of [
      [`/api/incidents/kpi/breakdown?by=village&${MARCH}`, 'querystring.by'],
      ['/api/incidents/kpi/breakdown?by=grid&from=2026-03-02&to=2026-03-01', 'from'],
      ['/api/incidents/kpi/trend?from=2020-01-01&to=2026-03-01', 'to'],
      [`/api/incidents/kpi/trend?interval=day&${MARCH}`, 'querystring.interval'],
      [`/api/incidents/kpi/export?by=grid&${MARCH}&under=999999999999`, 'under'],
    ] as const) {
      const res = await county.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].field, url).toBe(field);
    }
  });
});
