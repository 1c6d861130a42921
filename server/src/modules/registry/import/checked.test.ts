import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMPORT_HEADERS } from '@anju/contracts';
import { createCipher } from '../../../platform/crypto.ts';
import { TEST_SECRET, uniqueIdNumber } from '../../../../test/harness.ts';
import { checkedBatches, checkFile, type CheckedBatch, type CheckSetup } from './checked.ts';
import { Refused } from './source.ts';

const ROWS = 30_000;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-checked-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file large enough for the worker thread; every 1000th row has a bad ID number. */
function writeFile(file: string, header = IMPORT_HEADERS.join(',')) {
  const lines = [header];
  for (let k = 0; k < ROWS; k++) {
    const good = uniqueIdNumber(k);
    const id = k % 1000 !== 7 ? good : good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    lines.push(
      `${Math.floor(k / 4)},${k % 4 ? '子女' : '户主'},张三${'某'.repeat(k % 3)},${id},` +
        `汉族,139${String(k).padStart(8, '0')},初中,,,有劳动力,低保对象,否,530102001001,D-${Math.floor(k / 4)},` +
        `530102001001,2018,城镇集中安置,脱贫户`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  expect(fs.statSync(file).size).toBeGreaterThan(4 << 20);
}

async function all(batches: AsyncGenerator<CheckedBatch>) {
  const out = { rows: 0, keys: [] as unknown[], errors: [] as unknown[], fields: [] as string[][] };
  for await (const b of batches) {
    out.rows += b.keys.length;
    out.keys.push(...b.keys);
    out.errors.push(...b.errors);
    // ciphertexts differ by their random IV: compare the other fields
    out.fields.push(...b.fields.map((f) => f.split(',').filter((v) => !v.startsWith('v1.'))));
  }
  return out;
}

const setup = (file: string): CheckSetup => ({
  file,
  format: 'csv',
  tags: [['低保对象', 'dibao']],
  seesHealth: true,
  batch: 2000,
});

it('checks a large file in a worker thread exactly as in this one', { timeout: 120_000 }, async () => {
  const file = path.join(dir, 'people.csv');
  writeFile(file);
  const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
  const here = await all(checkedBatches(setup(file), cipher));
  const there = await all(checkFile(setup(file), cipher));
  expect(there.rows).toBe(ROWS);
  expect(there.errors).toHaveLength(ROWS / 1000);
  expect(there).toEqual(here);
});

it('a refusal of the whole file crosses from the worker thread', { timeout: 120_000 }, async () => {
  const file = path.join(dir, 'not-template.csv');
  writeFile(file, 'a,b,c');
  const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
  const refusal = await all(checkFile(setup(file), cipher)).catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(Refused);
  expect(refusal).toMatchObject({ reason: 'file.not_template', details: [{ field: '文件' }] });
});
