import { placeLabel } from '@anju/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { testDatabase } from '../../test/harness.ts';
import { placeLabelSql } from './place-label.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const CASES: [{ name: string; level: string }, string | null, string][] = [
  [{ name: '1单元101室', level: 'dwelling' }, '3栋', '3栋 1单元101室'],
  [{ name: '3排2号', level: 'dwelling' }, '3排', '3排2号'],
  [{ name: '3栋', level: 'building' }, '第一网格', '3栋'],
  [{ name: '第一网格', level: 'grid' }, '幸福社区', '第一网格'],
  [{ name: '101室', level: 'dwelling' }, null, '101室'],
];

describe('the unique label of a place', () => {
  it.each(CASES)('of %o under %s is %s, in JavaScript and in SQL alike', async (place, parent, label) => {
    expect(placeLabel(place, parent === null ? null : { name: parent })).toBe(label);
    const [row] = await database.query<{ label: string }>(
      `SELECT ${placeLabelSql('p', 'b')} AS label
         FROM (SELECT $1::text AS name, $2::text AS level) p
         LEFT JOIN (SELECT $3::text AS name) b ON $3::text IS NOT NULL`,
      [place.name, place.level, parent],
    );
    expect(row.label).toBe(label);
  });
});
