import type { Database } from '../server/src/db/client.ts';

/** Provinces × cities × counties × communities × households: the nation is about 2,700,000 households. */
export const SHAPES = {
  county: { provinces: 1, cities: 1, counties: 1, communities: 40, households: 700 },
  province: { provinces: 1, cities: 8, counties: 10, communities: 40, households: 175 },
  nation: { provinces: 13, cities: 8, counties: 8, communities: 40, households: 81 },
} as const;
export type ShapeName = keyof typeof SHAPES;

export const YEAR = 2025;

const LEVELS = ['province', 'city', 'county', 'community'] as const;

/**
 * Fills an empty, migrated database with relocated households for screening, in set-based SQL:
 * a place tree down to communities, households of 1–6 people (about 3.6), people with their labour
 * capacity, two years of incomes (per-capita net income log-normal, about 13,600 yuan on average, four fifths
 * wages; a few large medical bills; some households losing income), monitoring lines per province
 * with a few county lines, and recent health changes in the registry history.
 */
export async function fillScreeningData(database: Database, shape: (typeof SHAPES)[ShapeName]) {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  await q(`SELECT setseed(0.2026)`);
  const counts = [shape.provinces, shape.cities, shape.counties, shape.communities];
  for (const [i, level] of LEVELS.entries()) {
    const parent = i === 0 ? null : LEVELS[i - 1];
    await q(
      `INSERT INTO places (parent_id, level, code, name, path, depth, child_count)
       SELECT p.id, $1::varchar, 'S' || coalesce(p.id::text, '') || '-' || g, $1::text || g, 'x', $3::int, 0
         FROM (SELECT id FROM places WHERE level = $2 UNION ALL SELECT NULL WHERE $2 IS NULL) p
        CROSS JOIN generate_series(1, $4::int) g`,
      [level, parent, i, counts[i]],
    );
    await q(
      `UPDATE places c SET path = coalesce(p.path, '/') || c.id || '/'
         FROM places c2 LEFT JOIN places p ON p.id = c2.parent_id
        WHERE c.path = 'x' AND c2.id = c.id`,
    );
  }
  await q(
    `INSERT INTO households (household_no, residence_place_id, residence_path, origin_path, relocation_year,
                                   resettlement_type, poverty_status, head_name, member_count)
           SELECT 'S' || c.id || '-' || g, c.id, c.path, c.path, 2018, 'urban_centralized', 'out_of_poverty', '户主',
                  (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 6])[1 + floor(random() * 10)::int]
             FROM places c CROSS JOIN generate_series(1, $1::int) g
            WHERE c.level = 'community'`,
    [shape.households],
  );

  // Bulk load: the people's indexes are rebuilt once after the rows are in.
  const indexes = await database.query<{ indexdef: string; indexname: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'persons' AND indexname <> 'persons_pkey'`,
  );
  for (const i of indexes) await q(`DROP INDEX ${i.indexname}`);
  await q(`INSERT INTO persons (household_id, relation, name, id_cipher, id_hash, id_masked, sex, birth_date,
                                labour_capacity, health, hukou_place_id, hukou_path, residence_place_id, residence_path)
           SELECT h.id, CASE WHEN g = 1 THEN 'head' ELSE 'child' END, '某某', 'x', left(md5(h.id || '-' || g), 32),
                  '530000********000X', CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, DATE '1980-01-01',
                  CASE WHEN random() < 0.12 THEN 'none' WHEN random() < 0.1 THEN 'partial' ELSE 'full' END, 'healthy',
                  h.residence_place_id, h.residence_path, h.residence_place_id, h.residence_path
             FROM households h CROSS JOIN LATERAL generate_series(1, h.member_count) g`);
  for (const i of indexes) await q(i.indexdef);

  // Per-capita net income e^N(ln 13,000, 0.28) (about 13,500 on average, 3 % under a 7,600 line), 80 % wages;
  // last year's within ±12 % of this year's for most, and 6 % of households that lost a fifth to a half since.
  await q(
    `INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
                                    production_costs, medical_expense, schooling_expense, member_count)
     SELECT id, y, 'year', round(net * 0.8), round(net * 0.08), round(net * 0.02), round(net * 0.12),
            round(net * 0.02),
            CASE WHEN random() < 0.03 THEN 20000 + floor(random() * 60000) ELSE floor(random() * 2000) END,
            CASE WHEN random() < 0.3 THEN floor(random() * 3000) ELSE 0 END, member_count
       FROM (SELECT b.id, b.member_count, y.y,
                    CASE WHEN y.y = $1 THEN b.net
                         WHEN b.fell THEN b.net / (0.5 + random() * 0.3)
                         ELSE b.net * (0.88 + random() * 0.24) END AS net
               FROM (SELECT id, member_count, random() < 0.06 AS fell,
                            member_count * exp(ln(13000) + 0.28 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS net
                       FROM households) b
              CROSS JOIN (VALUES ($1::int), ($1::int - 1)) y(y)) x`,
    [YEAR],
  );
  await q(
    `INSERT INTO monitoring_lines (year, place_id, amount)
           SELECT y, id, CASE WHEN y = $1 THEN 7600 ELSE 7300 END
             FROM places CROSS JOIN (VALUES ($1::int), ($1::int - 1)) v(y) WHERE level = 'province'`,
    [YEAR],
  );
  await q(
    `INSERT INTO monitoring_lines (year, place_id, amount)
           SELECT $1, id, 8000 FROM places WHERE level = 'county' AND id % 10 = 0`,
    [YEAR],
  );
  await q(`INSERT INTO registry_history (household_id, person_id, event, version, changes)
           SELECT household_id, id, 'update', 2, '{"health": ["healthy", "serious_illness"]}'::jsonb
             FROM persons WHERE random() < 0.004`);
  for (const t of ['places', 'households', 'persons', 'household_incomes', 'registry_history'])
    await q(`VACUUM ANALYZE ${t}`);
}
