import type { Database } from '../server/src/db/client.ts';
import { fillScreeningData, SHAPES, type ShapeName } from './screening-data.ts';

export { SHAPES, type ShapeName };

/**
 * The screening data (households, people of working age with their labour capacity) with employment
 * records: about 94.5 % of the labour force holding a current job of a realistic kind, a few of them
 * with an ended job before it, and the rest with only an ended job or none.
 */
export async function fillEmploymentData(database: Database, shape: (typeof SHAPES)[ShapeName]) {
  await fillScreeningData(database, shape);
  const q = (text: string) => database.query(text);
  await q(`SELECT setseed(0.945)`);
  await q(`INSERT INTO employment_records (person_id, kind, employer_name, monthly_wage, start_on, end_on, source, verified)
           SELECT p.id,
                  (ARRAY['local_enterprise', 'local_enterprise', 'workshop', 'public_welfare_post', 'export_in_province',
                         'export_out_of_province', 'export_out_of_province', 'self_employed', 'flexible', 'flexible'])
                    [1 + floor(random() * 10)::int],
                  '用工单位', 1800 + floor(random() * 3000), DATE '2024-03-01',
                  CASE WHEN random() < 0.055 THEN DATE '2025-06-30' END, 'grid_worker', true
             FROM persons p
            WHERE p.status = 'living' AND p.labour_capacity IN ('full', 'partial')`);
  await q(`INSERT INTO employment_records (person_id, kind, employer_name, monthly_wage, start_on, end_on, source)
           SELECT person_id, 'flexible', '零工', 1500, DATE '2023-01-01', DATE '2024-02-28', 'declared'
             FROM employment_records WHERE random() < 0.1`);
  for (const t of ['employment_records']) await q(`VACUUM ANALYZE ${t}`);
}
