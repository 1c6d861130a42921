import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INCOME_IMPORT_HEADERS } from '@anju/contracts';
import { testApp, type TestApp } from '../../../../test/harness.ts';
import { actorOf } from '../../registry/import/actor.ts';
import { registryWorld, type RegistryWorld } from '../../registry/registry.fixture.ts';
import { importIncomes } from './incomes-import.ts';

const ROWS = 100_000;
/** Each household has a whole-year and a mid-year record for four years. */
const HOUSEHOLDS = ROWS / 8;
let t: TestApp;
let w: RegistryWorld;
let dir: string;
let prefix: string;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-incomes-test-'));
  prefix = `s${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const [dwelling] = await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [
    w.tree.dwelling,
  ]);
  await t.database.query(
    `INSERT INTO households (household_no, residence_place_id, residence_path, resettlement_type, poverty_status, member_count)
     SELECT $1 || '-' || g, $2, $3, 'urban_centralized', 'out_of_poverty', 0 FROM generate_series(1, $4::int) g`,
    [prefix, w.tree.dwelling, dwelling.path, HOUSEHOLDS],
  );
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

async function writeFile(file: string) {
  const out = fs.createWriteStream(file);
  out.write(`${INCOME_IMPORT_HEADERS.join(',')}\n`);
  for (let h = 1; h <= HOUSEHOLDS; h += 100) {
    let lines = '';
    for (let k = h; k < h + 100; k++)
      for (const year of [2022, 2023, 2024, 2025])
        for (const period of ['年度', '年中'])
          lines += `${prefix}-${k},${year},${period},${k * 10},0,0,1200,0,${k % 7 === 0 ? 9000 : 0},0\n`;
    if (!out.write(lines)) await once(out, 'drain');
  }
  await new Promise<void>((r) => out.end(r));
}

it(`saves and screens ${ROWS.toLocaleString()} rows with bounded memory`, { timeout: 600_000 }, async () => {
  const file = path.join(dir, 'incomes.csv');
  await writeFile(file);
  const actor = await actorOf(t.database, { username: w.staff.username });
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const live = () => (gc(), process.memoryUsage().heapUsed);
  const before = live();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, live())), 250);
  const result = await importIncomes(
    t.database,
    { actor, ip: 'localhost', requestId: 'test' },
    { path: file, fileName: 'incomes.csv', format: 'csv' },
    { dryRun: false, skipBad: false },
  );
  clearInterval(sampler);
  expect(result).toMatchObject({
    committed: true,
    rows: ROWS,
    invalid: 0,
    created: ROWS,
    households: HOUSEHOLDS,
    screened: HOUSEHOLDS * 4,
  });
  const [saved] = await t.database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM household_incomes i JOIN households h ON h.id = i.household_id
      WHERE h.household_no LIKE $1`,
    [`${prefix}-%`],
  );
  expect(saved.n).toBe(ROWS);
  // the file is ~4 MB; its rows held as objects would take several times the bound
  expect((peak - before) / 1024 / 1024).toBeLessThan(48);
});
