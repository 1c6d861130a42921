import { sql } from 'drizzle-orm';
import { labourForceSql, unemployedSql } from '../modules/employment/placement.service.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { defineSeeder } from './registry.ts';

/** Titles the register's enterprises post, with the skills asked (a job `k` takes the title `k mod 8`). */
const TITLES: [string, string[]][] = [
  ['缝纫工', ['缝纫']],
  ['电子装配工', []],
  ['食堂厨师', ['厨师']],
  ['车间电工', ['电工']],
  ['家政服务员', ['家政']],
  ['蔬菜种植工', ['种植']],
  ['电商客服', ['电商']],
  ['送货驾驶员', ['驾驶']],
];

const STATUSES = [
  'applied',
  'interview',
  'recommended',
  'applied',
  'interview',
  'recommended',
  'applied',
  'applied',
];

/**
 * One open job for every company and workshop of the register, set-based; on the demo community the
 * enterprise_hr demo accounts are linked to its first enterprises, and some of its unemployed labour
 * have applied, are to be interviewed, or are recommended and waiting to agree.
 */
export const jobsSeeder = defineSeeder({
  name: 'jobs',
  dependsOn: ['enterprises', 'demo-accounts', 'employment'],
  async run(ctx) {
    const { database, places } = ctx;
    const titles = sql.join(
      TITLES.map(
        ([title, skills], k) => sql`(${k}::int, ${title}::text, ${`{${skills.join(',')}}`}::text[])`,
      ),
      sql`, `,
    );
    await database.db.execute(
      sql`WITH t(k, title, skills) AS (VALUES ${titles})
            INSERT INTO jobs (enterprise_id, title, wage_min, wage_max, place_id, place_path, headcount, skills,
                              housing, commute_note)
            SELECT e.id, t.title, 2200 + (e.id % 5) * 200, 3200 + (e.id % 7) * 300, e.place_id, e.place_path,
                   1 + e.id % 6, t.skills, e.id % 3 = 0, CASE WHEN e.id % 2 = 0 THEN '厂车接送' ELSE '' END
              FROM enterprises e JOIN t ON t.k = e.id % 8
             WHERE e.kind <> 'individual_business' OR e.workshop_type IS NOT NULL`,
    );
    const [{ count }] = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM jobs');
    const demo = places.demoCommunity;
    if (demo) {
      const [{ path }] = await database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [
        demo.id,
      ]);
      const hr = DEMO_ACCOUNTS.filter((a) => a.role === 'enterprise_hr').map((a) => a.username);
      await database.db.execute(
        sql`INSERT INTO enterprise_staff (user_id, enterprise_id)
            SELECT u.id, e.id
              FROM (SELECT id, row_number() OVER (ORDER BY username) AS n FROM users
                     WHERE username = ANY(${`{${hr.join(',')}}`}::text[])) u
              JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM enterprises WHERE place_id = ${demo.id}) e
                ON e.n = u.n
            ON CONFLICT (user_id) DO NOTHING`,
      );
      const today = new Date().toISOString().slice(0, 10);
      const statuses = `{${STATUSES.join(',')}}`;
      await database.db.execute(
        sql`WITH j AS (SELECT j.id, row_number() OVER (ORDER BY j.id) - 1 AS n, count(*) OVER () AS total
                         FROM jobs j WHERE j.place_id = ${demo.id}),
                 p AS (SELECT p.id, row_number() OVER (ORDER BY p.id) - 1 AS n FROM persons p
                        WHERE p.residence_path LIKE ${`${path}%`} AND ${labourForceSql(today)} AND ${unemployedSql(today)}
                        ORDER BY p.id LIMIT ${STATUSES.length})
            INSERT INTO job_applications (job_id, person_id, origin, status, consented_at, consent_by, show_phone,
                                          interview_on)
            SELECT j.id, p.id, CASE s.status WHEN 'recommended' THEN 'recommended' ELSE 'applied' END, s.status,
                   CASE WHEN s.status <> 'recommended' THEN now() END,
                   CASE WHEN s.status <> 'recommended' THEN 'person' END,
                   p.n % 2 = 0,
                   CASE WHEN s.status = 'interview' THEN ${today}::date + 3 END
              FROM p JOIN j ON j.n = p.n % j.total
              JOIN LATERAL (SELECT (${statuses}::text[])[p.n + 1] AS status) s ON true
            ON CONFLICT (job_id, person_id) DO NOTHING`,
      );
    }
    ctx.log(`jobs: ${count}${demo ? `; enterprise staff linked on the demo community` : ''}`);
  },
});
