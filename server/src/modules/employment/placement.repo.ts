import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface PlacementFields {
  kind: string;
  employerName: string;
  enterpriseId: number;
  place: string;
  monthlyWage: number;
  startOn: string;
}

/** A record of a job found through the register's enterprise, confirmed by the enterprise itself. */
export async function insertPlacement(conn: Conn, personId: number, f: PlacementFields) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO employment_records (person_id, kind, employer_name, enterprise_id, place, monthly_wage, start_on,
                                        source, verified)
        VALUES (${personId}, ${f.kind}, ${f.employerName}, ${f.enterpriseId}, ${f.place}, ${f.monthlyWage},
                ${f.startOn}, 'enterprise', true)
        RETURNING id`,
  );
  return Number(row.id);
}
