import type { Database } from '../db/client.ts';
import { defineSeeder } from './registry.ts';

/** Public-welfare posts of a site, at most: the rest of the public-welfare jobs stay records alone. */
export const POSTS_PER_SITE = 6;

/** The post type of a seeded public-welfare job, from the employer the employment seeder named. */
const TYPE_OF = `CASE WHEN r.employer_name LIKE '%保洁%' THEN 'cleaning'
                      WHEN r.employer_name LIKE '%治安%' THEN 'security'
                      WHEN r.employer_name LIKE '%护林%' THEN 'forest_ranger'
                      WHEN r.employer_name LIKE '%养老%' THEN 'elder_care'
                      ELSE 'other' END`;

/** The id of the community (among `ids`) on a path column: its id at its depth in the path. */
async function communityOf(database: Database, ids: number[], column: string): Promise<string> {
  const depths = await database.query<{ depth: number }>(
    `SELECT DISTINCT depth FROM places WHERE id = ANY($1::int8[])`,
    [ids],
  );
  const list = `ARRAY[${ids.map(Number).join(',')}]::int8[]`;
  const at = (d: number) => `nullif(split_part(${column}, '/', ${Number(d) + 2}), '')::int8`;
  return `CASE ${depths.map((d) => `WHEN ${at(d.depth)} = ANY(${list}) THEN ${at(d.depth)}`).join(' ')} END`;
}

/** The people a site's last workshop employs: one just starting, below the recognition criterion. */
export const STARTING_WORKSHOP = 3;

/**
 * Workshops employ people of their site: each current workshop job of a site is linked to one of the
 * site's workshops, named after it, so the workshops' recognition counts show; the last workshop of a
 * site with several is just starting, with `STARTING_WORKSHOP` people.
 */
export const workshopStaffSeeder = defineSeeder({
  name: 'workshop-staff',
  dependsOn: ['employment', 'enterprises'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const community = await communityOf(ctx.database, ids, 'p.residence_path');
    const linked = await ctx.database.query<{ id: number }>(
      `WITH w AS (SELECT e.id, e.name, e.place_id, row_number() OVER (PARTITION BY e.place_id ORDER BY e.id) - 1 AS k,
                         count(*) OVER (PARTITION BY e.place_id) AS n
                    FROM enterprises e WHERE e.workshop_type IS NOT NULL AND e.place_id = ANY($1::int8[])),
            r AS (SELECT r.id, ${community} AS community, row_number() OVER (ORDER BY r.id) AS k
                    FROM employment_records r JOIN persons p ON p.id = r.person_id
                   WHERE r.kind = 'workshop' AND r.end_on IS NULL),
            spread AS (SELECT r.id, r.community, wn.n, r.k % wn.n AS t
                         FROM r JOIN (SELECT place_id, max(n) AS n FROM w GROUP BY place_id) wn ON wn.place_id = r.community),
            ranked AS (SELECT s.*, row_number() OVER (PARTITION BY s.community, s.t ORDER BY s.id) AS j FROM spread s),
            target AS (SELECT id, community, CASE WHEN n > 1 AND t = n - 1 AND j > ${STARTING_WORKSHOP} THEN 0 ELSE t END AS t
                         FROM ranked)
       UPDATE employment_records x SET enterprise_id = w.id, employer_name = w.name
         FROM target JOIN w ON w.place_id = target.community AND w.k = target.t
        WHERE x.id = target.id
       RETURNING x.id`,
      [ids],
    );
    ctx.log(`workshop staff: ${linked.length} workshop jobs linked to their workshops`);
  },
});

/**
 * Public-welfare posts on every site: up to `POSTS_PER_SITE` held by the people whose current job is
 * one (the holding carries their record), one vacant road-maintenance post, and the attendance of
 * the last two months and of this month so far, a few days short now and then.
 */
export const postsSeeder = defineSeeder({
  name: 'posts',
  dependsOn: ['employment'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const db = ctx.database;
    const community = await communityOf(db, ids, 'p.residence_path');
    const on = new Date().toISOString().slice(0, 10);
    await db.query(`DROP TABLE IF EXISTS seed_posts`);
    await db.query(
      `CREATE TEMP TABLE seed_posts AS
       SELECT nextval(pg_get_serial_sequence('public_welfare_posts', 'id')) AS post_id, c.*
         FROM (SELECT r.id AS record_id, r.person_id, r.start_on, r.monthly_wage, ${TYPE_OF} AS post_type,
                      ${community} AS place_id,
                      row_number() OVER (PARTITION BY ${community} ORDER BY r.id) AS k
                 FROM employment_records r JOIN persons p ON p.id = r.person_id
                WHERE r.kind = 'public_welfare_post' AND r.end_on IS NULL AND p.status = 'living') c
        WHERE c.place_id IS NOT NULL AND c.k <= ${POSTS_PER_SITE}`,
    );
    await db.query(
      `INSERT INTO public_welfare_posts (id, place_id, place_path, post_type, title, term_start, term_end, monthly_subsidy)
       SELECT s.post_id, s.place_id, pl.path, s.post_type, d.label_zh || '岗' || s.k || '号',
              date_trunc('year', s.start_on)::date, (date_trunc('year', $1::date) + interval '1 year - 1 day')::date,
              s.monthly_wage
         FROM seed_posts s JOIN places pl ON pl.id = s.place_id
         JOIN dictionary_entries d ON d.kind = 'post_type' AND d.code = s.post_type`,
      [on],
    );
    const vacant = await db.query<{ id: number }>(
      `INSERT INTO public_welfare_posts (place_id, place_path, post_type, title, term_start, term_end, monthly_subsidy)
       SELECT pl.id, pl.path, 'road_maintenance', '道路养护岗', date_trunc('year', $2::date)::date,
              (date_trunc('year', $2::date) + interval '1 year - 1 day')::date, 1000
         FROM places pl WHERE pl.id = ANY($1::int8[])
       RETURNING id`,
      [ids, on],
    );
    await db.query(
      `INSERT INTO post_holdings (post_id, person_id, record_id, start_on)
       SELECT post_id, person_id, record_id, start_on FROM seed_posts`,
    );
    const attendance = await db.query<{ n: number }>(
      `WITH m AS (SELECT (date_trunc('month', $1::date) - make_interval(months => k))::date AS month
                    FROM generate_series(0, 2) k),
            a AS (INSERT INTO post_attendance (holding_id, month, days_worked)
                  SELECT h.id, m.month,
                         greatest(0, (least(m.month + interval '1 month - 1 day', $1::date)::date
                                      - greatest(h.start_on, m.month) + 1)
                                     - (('x' || substr(md5(h.id::text || m.month::text || '${ctx.seed}'), 1, 8))::bit(32)::bigint % 4)::int)
                    FROM post_holdings h CROSS JOIN m
                   WHERE h.post_id IN (SELECT post_id FROM seed_posts) AND h.start_on <= m.month + interval '1 month - 1 day'
                  RETURNING 1)
       SELECT count(*)::int AS n FROM a`,
      [on],
    );
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM seed_posts`);
    await db.query(`DROP TABLE seed_posts`);
    ctx.log(
      `posts: ${n} held and ${vacant.length} vacant public-welfare posts, ${attendance[0].n} months of attendance`,
    );
  },
});
