import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMPORT_HEADERS } from '@anju/contracts';
import { testApp, uniqueIdNumber, type TestApp } from '../../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry.fixture.ts';
import { codeOf } from './import.fixture.ts';
import { actorOf } from './actor.ts';
import { importFile } from './run.ts';

const ROWS = 200_000;
let t: TestApp;
let w: RegistryWorld;
let dir: string;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-import-test-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** Four people to a household, each household in a dwelling of its own. */
async function writeFile(file: string) {
  const prefix = `s${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const [building] = await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [
    w.tree.building,
  ]);
  await t.database.query(
    `INSERT INTO places (parent_id, level, code, name, path, depth)
     SELECT $1, 'dwelling', $2 || '-' || g, g || '室', 'x' || g, 7 FROM generate_series(1, $3::int) g`,
    [w.tree.building, prefix, ROWS / 4],
  );
  await t.database.query(`UPDATE places SET path = $1 || id || '/' WHERE code LIKE $2`, [
    building.path,
    `${prefix}-%`,
  ]);
  const village = await codeOf(t, w.village);
  const out = fs.createWriteStream(file);
  out.write(`${IMPORT_HEADERS.join(',')}\n`);
  const base = Math.floor(Math.random() * 30) * 600_000;
  for (let i = 0; i < ROWS; i += 1000) {
    let lines = '';
    for (let k = i; k < i + 1000; k++) {
      const valid = uniqueIdNumber(base + k);
      const household = Math.floor(k / 4);
      lines += `${household},${k % 4 ? '子女' : '户主'},张三,${valid},汉族,,初中,,,有劳动力,,否,${village},${prefix}-${household + 1},${village},2018,城镇集中安置,脱贫户\n`;
    }
    if (!out.write(lines)) await once(out, 'drain');
  }
  await new Promise<void>((r) => out.end(r));
}

it(`streams ${ROWS.toLocaleString()} rows with bounded memory`, { timeout: 600_000 }, async () => {
  const file = path.join(dir, 'large.csv');
  await writeFile(file);
  const actor = await actorOf(t.database, { username: w.staff.username });
  // live memory: the heap after a full collection, sampled as the rows stream through
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const live = () => (gc(), process.memoryUsage().heapUsed);
  const before = live();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, live())), 250);
  const job = await importFile(
    { database: t.database, cipher: t.app.cipher, dataDir: dir },
    { actor, ip: 'localhost', requestId: 'test' },
    file,
    { commit: false, skipBadRows: false },
  );
  clearInterval(sampler);
  expect(job).toMatchObject({ status: 'validated', counts: { rows: ROWS, households: ROWS / 4 } });
  // the file is ~35 MB; its rows held as objects would take several times that
  expect((peak - before) / 1024 / 1024).toBeLessThan(64);
});
