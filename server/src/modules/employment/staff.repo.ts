import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { rows } from '../../db/rows.ts';
import { currentSql } from './employment.sql.ts';

/**
 * A person (`p` of household `h`) a workshop's recognition counts: living, and relocated (the
 * household came from an origin village or has a relocation year) or formerly poor (the household is
 * out of poverty, or monitored against a return to it).
 */
const countedSql = sql`(p.status = 'living'
  AND (h.origin_village_id IS NOT NULL OR h.relocation_year IS NOT NULL
       OR h.poverty_status IN ('out_of_poverty', 'monitored')))`;

/** For each enterprise, the counted people holding a current record linked to it on day `on`, each once. */
export const staffCounts = (conn: Conn, enterpriseIds: number[], on: string) =>
  rows<{ enterprise_id: number; employed: number }>(
    conn,
    sql`SELECT r.enterprise_id, count(DISTINCT r.person_id)::int AS employed
          FROM employment_records r
          JOIN persons p ON p.id = r.person_id
          JOIN households h ON h.id = p.household_id
         WHERE r.enterprise_id = ANY(${pgArray(enterpriseIds)}::bigint[]) AND ${currentSql(on)} AND ${countedSql}
         GROUP BY r.enterprise_id`,
  );
