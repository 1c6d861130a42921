import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../../../test/harness.ts';
import { addPlace, randomIdNumber } from '../../../../test/harness.ts';
import { member, type RegistryWorld } from '../../registry/registry.fixture.ts';

export type Cells = Record<string, string | number | Date>;

/** Posts a file with the form fields as multipart, the fields first. */
export function send(
  client: Client,
  url: string,
  body: Buffer,
  fileName: string,
  fields: Record<string, string> = {},
) {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(
      parts.join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** A real workbook: one sheet with `headers` and the rows under them. */
export async function xlsx(headers: readonly string[], rows: Cells[], sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The downloaded template's first sheet filled with `rows`. */
export async function fill(template: Buffer, rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as string[]).slice(1);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV as Chinese Excel saves it: GBK. */
export function gbkCsv(headers: readonly string[], rows: Cells[]): Buffer {
  const lines = [headers.join(','), ...rows.map((r) => headers.map((h) => String(r[h] ?? '')).join(','))];
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
}

export interface Person {
  name: string;
  idNumber: string;
}

/** A household of `names` (the first one its head) in a new dwelling of the world; its number and people. */
export async function household(t: TestApp, w: RegistryWorld, names: string[], staff = w.staff) {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}室`.slice(0, 8));
  const people: Person[] = names.map((name) => ({ name, idNumber: randomIdNumber({ birth: '1980-01-02' }) }));
  const res = await staff.post('/api/households', {
    dwellingId: String(dwelling),
    originVillageId: String(w.village),
    relocationYear: 2018,
    resettlementType: 'urban_centralized',
    povertyStatus: 'out_of_poverty',
    members: people.map((p, i) =>
      member(w, { name: p.name, idNumber: p.idNumber, relation: i === 0 ? 'head' : 'child' }),
    ),
  });
  expect(res.statusCode, res.body).toBe(201);
  const h = res.json() as { id: string; householdNo: string };
  return { id: h.id, householdNo: h.householdNo, people };
}

/** The leads of a household, straight from the table. */
export async function leadsOf(t: TestApp, householdId: string) {
  return t.database.query<{
    id: number;
    source: string;
    status: string;
    detail: { notes: { text: string }[] };
  }>('SELECT id, source, status, detail FROM monitoring_leads WHERE household_id = $1 ORDER BY id', [
    householdId,
  ]);
}
