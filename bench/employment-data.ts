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

/** Skills of the labour register and of jobs, as the demo data names them. */
const SKILLS = ['缝纫', '厨师', '电工', '家政', '种植', '电商', '驾驶'];

/**
 * The labour register and the jobs to rank: three fifths of the labour force with one skill and each a
 * work preference; one enterprise per county, offering one open job in each of its communities and one
 * county-wide job at the county, each asking one skill (one in eight none).
 */
export async function fillJobData(database: Database) {
  const q = (text: string) => database.query(text);
  const skills = `ARRAY[${SKILLS.map((s) => `'${s}'`).join(', ')}]`;
  await q(`SELECT setseed(0.3)`);
  await q(`INSERT INTO labour_profiles (person_id, skills, work_preference)
           SELECT p.id, CASE WHEN random() < 0.6 THEN ARRAY[(${skills})[1 + floor(random() * 7)::int]] ELSE '{}'::text[] END,
                  (ARRAY['nearby', 'nearby', 'in_province', 'outside'])[1 + floor(random() * 4)::int]
             FROM persons p
            WHERE p.status = 'living' AND p.labour_capacity IN ('full', 'partial')
           ON CONFLICT (person_id) DO NOTHING`);
  await q(`INSERT INTO enterprises (credit_code, name, kind, place_id, place_path)
           SELECT '91' || lpad(c.id::text, 16, '0'), '县域用工企业' || c.id, 'company', c.id, c.path
             FROM places c WHERE c.level = 'county'`);
  await q(`INSERT INTO jobs (enterprise_id, title, wage_min, wage_max, place_id, place_path, headcount, skills)
           SELECT e.id, '普工', 2200, 3600, w.id, w.path, 3,
                  CASE WHEN w.id % 8 = 0 THEN '{}'::text[] ELSE ARRAY[(${skills})[1 + w.id % 7]] END
             FROM enterprises e
             JOIN places w ON w.id = e.place_id OR (w.level = 'community' AND w.parent_id = e.place_id)`);
  for (const t of ['labour_profiles', 'enterprises', 'jobs']) await q(`VACUUM ANALYZE ${t}`);
}
