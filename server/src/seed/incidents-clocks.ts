import type { Database } from '../db/client.ts';

/** When an acceptance clock started at `start` runs out, by the category's hours or working days. */
const acceptBy = (start: string) =>
  `CASE WHEN c.limit_unit = 'working_days' THEN working_day_end(${start}, c.accept_days, i.place_path)
        ELSE ${start} + make_interval(hours => c.accept_hours) END`;

const RUNG_PLACE = `CASE r.level WHEN 0 THEN 'grid' WHEN 1 THEN 'community' WHEN 2 THEN 'township' ELSE 'county' END`;

/**
 * The acceptance clocks the workflow would have kept, read back from the seeded timelines in two
 * set-based statements: each rung an incident was escalated away from (opened by its report or
 * escalation, accepted by the first acceptance before the next escalation), and each department it
 * was dispatched to (accepted, 签收, when it started).
 */
export async function seedAcceptanceClocks(database: Database) {
  await database.query(`
    WITH rungs AS (
      SELECT s.incident_id, s.at, (s.data->>'level')::int AS level,
             lead(s.at) OVER (PARTITION BY s.incident_id ORDER BY s.id) AS ended_at
        FROM incident_steps s
       WHERE s.action IN ('report', 'escalate')
         AND NOT EXISTS (SELECT 1 FROM incident_acceptances x WHERE x.incident_id = s.incident_id))
    INSERT INTO incident_acceptances (incident_id, level, place_id, due_at, accepted_at)
    SELECT r.incident_id, r.level,
           (SELECT p.id FROM places p
             WHERE p.id = ANY(string_to_array(trim(both '/' from i.place_path), '/')::bigint[])
               AND p.level = ${RUNG_PLACE} LIMIT 1),
           ${acceptBy('r.at')},
           (SELECT min(a.at) FROM incident_steps a
             WHERE a.incident_id = r.incident_id AND a.action = 'accept' AND a.at >= r.at AND a.at < r.ended_at)
      FROM rungs r JOIN incidents i ON i.id = r.incident_id JOIN incident_categories c ON c.code = i.category_code
     WHERE r.ended_at IS NOT NULL`);
  await database.query(`
    INSERT INTO incident_acceptances (incident_id, level, department_id, due_at, accepted_at)
    SELECT d.incident_id, (d.data->>'level')::int, (d.data->>'departmentId')::bigint,
           ${acceptBy('d.at')},
           (SELECT min(s.at) FROM incident_steps s
             WHERE s.incident_id = d.incident_id AND s.action = 'start' AND s.id > d.id)
      FROM incident_steps d JOIN incidents i ON i.id = d.incident_id
      JOIN incident_categories c ON c.code = i.category_code
     WHERE d.action = 'dispatch' AND d.data ? 'departmentId'
       AND NOT EXISTS (SELECT 1 FROM incident_acceptances x
                        WHERE x.incident_id = d.incident_id AND x.department_id IS NOT NULL)`);
}
