import { sql } from 'drizzle-orm';
import { VOLUNTEER_SKILLS } from '@anju/contracts';
import { pgArray } from '../db/array.ts';
import { defineSeeder } from './registry.ts';

/**
 * The activities of every community, relative to today (Beijing time): four past with their hours
 * approved, one running now (so the check-in code works in the demo), one to come.
 */
export const ACTIVITIES = [
  {
    title: '敬老院陪伴服务',
    address: '社区养老服务中心',
    day: -45,
    at: '09:00',
    hours: 3,
    slots: 12,
    skills: ['elder_care'],
  },
  {
    title: '四点半课堂课业辅导',
    address: '社区四点半课堂',
    day: -30,
    at: '16:30',
    hours: 2,
    slots: 10,
    skills: ['tutoring', 'child_care'],
  },
  {
    title: '小区环境清洁日',
    address: '小区中心广场',
    day: -14,
    at: '08:30',
    hours: 3,
    slots: 20,
    skills: ['cleaning'],
  },
  {
    title: '义诊与健康咨询',
    address: '社区卫生服务站',
    day: -3,
    at: '09:00',
    hours: 4,
    slots: 8,
    skills: ['health'],
  },
  {
    title: '防范电信诈骗宣传进楼栋',
    address: '各楼栋单元门口',
    day: 0,
    at: null,
    hours: 4,
    slots: 15,
    skills: ['events', 'dialect'],
  },
  {
    title: '重阳节敬老活动',
    address: '社区党群服务中心活动室',
    day: 5,
    at: '09:00',
    hours: 3,
    slots: 20,
    skills: ['elder_care', 'events'],
  },
] as const;

/** Share of the adults (18–70) of a community registered as volunteers. */
const VOLUNTEER_SHARE = 0.05;

/** A number in [0, 1) from a SQL key and a salt. */
const uniform = (key: string, salt: string, seed: number) =>
  sql.raw(`(('x' || substr(md5(${key} || '${salt}${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`);

/**
 * Volunteers in every community: a team each (belonging to a social organization of the community
 * when there is one), a twentieth of the adults registered with the person's own sealed ID number,
 * the demo resident among them with their account; the activities above with sign-ups, check-ins
 * and check-outs, the past ones' hours approved (one corrected with its reason), and certificates.
 */
export const volunteersSeeder = defineSeeder({
  name: 'volunteers',
  dependsOn: ['places', 'persons', 'demo-accounts', 'services'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const db = ctx.database.db;
    const on = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const communities = sql`${pgArray(ids)}::bigint[]`;
    await db.execute(
      sql`INSERT INTO volunteer_teams (name, place_id, place_path, org_id)
          SELECT pl.name || '志愿服务队', pl.id, pl.path,
                 (SELECT min(o.id) FROM social_organizations o WHERE o.place_id = pl.id)
            FROM places pl WHERE pl.id = ANY(${communities})`,
    );
    const u = (key: string, salt: string) => uniform(key, salt, ctx.seed);
    const skills = pgArray([...VOLUNTEER_SKILLS]);
    await db.execute(
      sql`INSERT INTO volunteers (user_id, name, name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_hash,
                                  phone_masked, place_id, place_path, team_id, skills, availability)
          SELECT x.user_id, p.name,
                 CASE WHEN char_length(p.name) <= 2 THEN left(p.name, 1) || '*'
                      ELSE left(p.name, 1) || repeat('*', char_length(p.name) - 2) || right(p.name, 1) END,
                 p.id_cipher, p.id_hash, p.id_masked, p.phone_cipher, p.phone_hash, p.phone_masked, c.id, c.path,
                 CASE WHEN ${u('p.id::text', 'team')} < 0.6 THEN t.id END,
                 ARRAY(SELECT DISTINCT k FROM unnest(ARRAY[
                   (${skills}::text[])[1 + floor(${u('p.id::text', 's1')} * ${VOLUNTEER_SKILLS.length})::int],
                   (${skills}::text[])[1 + floor(${u('p.id::text', 's2')} * ${VOLUNTEER_SKILLS.length})::int]]) k),
                 CASE floor(${u('p.id::text', 'av')} * 3)::int WHEN 0 THEN ARRAY['weekend', 'weekday_evening']
                      WHEN 1 THEN ARRAY['weekend'] ELSE ARRAY['weekday_daytime', 'weekend'] END
            FROM places c
            JOIN volunteer_teams t ON t.place_id = c.id
            JOIN persons p ON p.residence_path LIKE c.path || '%'
            LEFT JOIN LATERAL (
                 SELECT us.user_id FROM users usr JOIN user_scopes us ON us.user_id = usr.id
                   JOIN households h ON h.dwelling_id = us.place_id
                  WHERE usr.username = 'resident' AND h.id = p.household_id
                    AND p.id = (SELECT min(q.id) FROM persons q WHERE q.household_id = h.id AND q.status = 'living'
                                   AND q.birth_date <= ${on}::date - interval '18 years')) x ON true
           WHERE c.id = ANY(${communities}) AND p.status = 'living'
             AND p.birth_date BETWEEN ${on}::date - interval '70 years' AND ${on}::date - interval '18 years'
             AND (x.user_id IS NOT NULL OR ${u('p.id::text', 'pick')} < ${VOLUNTEER_SHARE})
          ON CONFLICT DO NOTHING`,
    );
    const templates = sql.join(
      ACTIVITIES.map(
        (a) =>
          sql`(${a.title}, ${a.address}, ${a.day}::int, ${a.at}::time, ${a.hours}::int, ${a.slots}::int, ${pgArray([...a.skills])}::text[])`,
      ),
      sql`, `,
    );
    await db.execute(
      sql`INSERT INTO volunteer_activities (title, place_id, place_path, address, starts_at, ends_at, slots, skills, team_id)
          SELECT a.title, c.id, c.path, a.address, s.starts_at, s.starts_at + make_interval(hours => a.hours), a.slots,
                 a.skills, t.id
            FROM places c JOIN volunteer_teams t ON t.place_id = c.id
           CROSS JOIN (VALUES ${templates}) AS a(title, address, day, at, hours, slots, skills)
           CROSS JOIN LATERAL (SELECT CASE WHEN a.at IS NULL THEN date_trunc('hour', now()) - interval '1 hour'
                                           ELSE ((${on}::date + a.day) + a.at) AT TIME ZONE 'Asia/Shanghai' END AS starts_at) s
           WHERE c.id = ANY(${communities})`,
    );
    // who signs up: the demo resident first, then by chance; four fifths of the slots of a past or
    // running activity, a third of one to come; those past checked in and out by the code, mostly
    await db.execute(
      sql`INSERT INTO volunteer_signups (activity_id, volunteer_id, checked_in_at, checked_in_via, checked_out_at,
                                         checked_out_via, signed_up_at)
          SELECT a.id, v.id,
                 CASE WHEN a.ends_at < now() OR (a.starts_at < now() AND ${u('v.id::text || a.id::text', 'in')} < 0.5)
                      THEN a.starts_at + make_interval(mins => floor(${u('v.id::text || a.id::text', 'late')} * 10)::int) END,
                 CASE WHEN a.starts_at < now() THEN CASE WHEN ${u('v.id::text || a.id::text', 'via')} < 0.85 THEN 'qr' ELSE 'organizer' END END,
                 CASE WHEN a.ends_at < now()
                      THEN a.ends_at - make_interval(mins => floor(${u('v.id::text || a.id::text', 'early')} * 15)::int) END,
                 CASE WHEN a.ends_at < now() THEN CASE WHEN ${u('v.id::text || a.id::text', 'via2')} < 0.85 THEN 'qr' ELSE 'organizer' END END,
                 a.starts_at - interval '3 days'
            FROM volunteer_activities a
           CROSS JOIN LATERAL (
                 SELECT v.id FROM volunteers v WHERE v.place_id = a.place_id
                  ORDER BY (v.user_id IS NOT NULL AND a.starts_at > now() - interval '20 days') DESC,
                           ${u('v.id::text || a.id::text', 'order')}
                  LIMIT CASE WHEN a.starts_at > now() THEN a.slots / 3 ELSE a.slots * 4 / 5 END) v
           WHERE a.place_id = ANY(${communities})`,
    );
    await db.execute(
      sql`UPDATE volunteer_activities a SET signed_up = (SELECT count(*) FROM volunteer_signups s WHERE s.activity_id = a.id)
           WHERE a.place_id = ANY(${communities})`,
    );
    await db.execute(
      sql`INSERT INTO volunteer_service_records (signup_id, volunteer_id, activity_id, hours, approved_at)
          SELECT s.id, s.volunteer_id, s.activity_id,
                 round(extract(epoch FROM s.checked_out_at - s.checked_in_at) / 1800) / 2, a.ends_at + interval '1 day'
            FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id
           WHERE a.place_id = ANY(${communities}) AND s.checked_out_at IS NOT NULL AND a.ends_at + interval '1 day' < now()
           ORDER BY s.id`,
    );
    await db.execute(
      sql`INSERT INTO volunteer_service_records (signup_id, volunteer_id, activity_id, hours, corrects_id, reason, approved_at)
          SELECT r.signup_id, r.volunteer_id, r.activity_id, r.hours - 1, r.id, '中途离开一小时，按实际服务时长更正',
                 r.approved_at + interval '2 days'
            FROM volunteer_service_records r JOIN volunteer_activities a ON a.id = r.activity_id
           WHERE r.id IN (SELECT min(r2.id) FROM volunteer_service_records r2 JOIN volunteer_activities a2 ON a2.id = r2.activity_id
                           WHERE a2.place_id = ANY(${communities}) AND r2.hours >= 2 GROUP BY a2.place_id)`,
    );
    const [made] = (
      await db.execute(
        sql`WITH h AS (SELECT v.id, v.name_masked, sum(r.hours) AS hours, count(DISTINCT r.activity_id)::int AS activities
                         FROM volunteers v JOIN volunteer_service_records r ON r.volunteer_id = v.id
                        WHERE v.place_id = ANY(${communities})
                          AND NOT EXISTS (SELECT 1 FROM volunteer_service_records c WHERE c.corrects_id = r.id)
                        GROUP BY v.id, v.name_masked
                       HAVING sum(r.hours) >= 5),
                 c AS (SELECT nextval(pg_get_serial_sequence('volunteer_certificates', 'id')) AS cid, h.*
                         FROM h WHERE ${u('h.id::text', 'cert')} < 0.35 ORDER BY h.id),
                 ins AS (INSERT INTO volunteer_certificates (id, serial, volunteer_id, name_masked, hours, activities, issued_at)
                         SELECT cid, 'ZY' || to_char(now(), 'YYYY') || '-' || lpad(cid::text, 6, '0') || '-'
                                       || upper(substr(md5(cid::text || ${String(ctx.seed)}), 1, 4)),
                                id, name_masked, hours, activities, now() - interval '1 day'
                           FROM c RETURNING id)
            SELECT (SELECT count(*)::int FROM volunteers WHERE place_id = ANY(${communities})) AS volunteers,
                   (SELECT count(*)::int FROM ins) AS certificates`,
      )
    ).rows as { volunteers: number; certificates: number }[];
    ctx.log(
      `volunteers: ${made.volunteers} volunteers, ${ACTIVITIES.length} activities a community, ${made.certificates} certificates`,
    );
  },
});
