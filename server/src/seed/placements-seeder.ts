import { sql } from 'drizzle-orm';
import { labourForceSql, unemployedSql } from '../modules/employment/placement.service.ts';
import { recheckHouseholds } from '../modules/employment/zero.service.ts';
import { defineSeeder } from './registry.ts';

/**
 * The live cases' running employment measures have led to a hire: a member of the household of the
 * labour force (one without work first) was recommended for an open job near home, agreed and was
 * hired a month into the measure, and the measure shows that job. Set-based, by ids.
 */
export const placementsSeeder = defineSeeder({
  name: 'placements',
  dependsOn: ['cases', 'jobs'],
  async run(ctx) {
    const today = new Date().toISOString().slice(0, 10);
    const placed = await ctx.database.db.transaction(async (tx) => {
      const done = await tx.execute(
        sql`WITH m AS (
              SELECT DISTINCT ON (c.household_id) am.id AS measure_id, c.household_id, am.start_on
                FROM assistance_measures am JOIN monitoring_cases c ON c.id = am.case_id
               WHERE am.type = 'employment' AND am.employment_record_id IS NULL
                 AND c.step NOT IN ('eliminated', 'not_identified')
                 AND am.start_on <= ${today}::date AND (am.end_on IS NULL OR am.end_on >= ${today}::date)
               ORDER BY c.household_id, am.start_on, am.id),
            pick AS (
              SELECT m.measure_id, m.household_id, p.id AS person_id, j.id AS job_id, j.enterprise_id,
                     e.name AS employer_name, pl.name AS place_name, j.wage_min,
                     least(m.start_on + 30, ${today}::date) AS start_on
                FROM m
                JOIN LATERAL (SELECT p.id, p.residence_path FROM persons p
                               WHERE p.household_id = m.household_id AND ${labourForceSql(today)}
                               ORDER BY ${unemployedSql(today)} DESC, p.id LIMIT 1) p ON true
                JOIN LATERAL (SELECT j.* FROM jobs j
                               WHERE j.status = 'open' AND p.residence_path LIKE j.place_path || '%'
                               ORDER BY j.id LIMIT 1) j ON true
                JOIN enterprises e ON e.id = j.enterprise_id
                JOIN places pl ON pl.id = j.place_id),
            rec AS (
              INSERT INTO employment_records (person_id, kind, employer_name, enterprise_id, place, monthly_wage,
                                              start_on, source, verified)
              SELECT person_id, 'local_enterprise', employer_name, enterprise_id, place_name, wage_min, start_on,
                     'enterprise', true
                FROM pick ORDER BY measure_id
              RETURNING id, person_id),
            hired AS (
              INSERT INTO job_applications (job_id, person_id, origin, status, consented_at, consent_by, hired_on,
                                            record_id)
              SELECT pick.job_id, pick.person_id, 'recommended', 'hired', pick.start_on, 'person', pick.start_on, rec.id
                FROM pick JOIN rec ON rec.person_id = pick.person_id
              ON CONFLICT (job_id, person_id) DO NOTHING)
            UPDATE assistance_measures am SET employment_record_id = rec.id
              FROM pick JOIN rec ON rec.person_id = pick.person_id
             WHERE am.id = pick.measure_id
            RETURNING pick.household_id`,
      );
      const households = done.rows.map((r) => Number((r as { household_id: number }).household_id));
      if (households.length)
        await recheckHouseholds(tx, sql`h.id = ANY(${`{${households.join(',')}}`}::bigint[])`);
      return households.length;
    });
    ctx.log(`placements: ${placed} employment measures led to a hire`);
  },
});
