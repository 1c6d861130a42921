import { sql } from 'drizzle-orm';
import type { Measure } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

interface MeasureRow {
  id: number;
  case_id: number;
  type: Measure['type'];
  provider_kind: Measure['providerKind'];
  provider_name: string;
  description: string;
  start_on: string;
  end_on: string | null;
  amount: number | null;
  outcome: string;
  outlives_elimination: boolean;
  running: boolean;
  version: number;
}

/** Today in China time: a measure runs from its first day to its last, both included. */
const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const SELECT = sql`SELECT id, case_id, type, provider_kind, provider_name, description,
                          to_char(start_on, 'YYYY-MM-DD') AS start_on, to_char(end_on, 'YYYY-MM-DD') AS end_on,
                          amount, outcome, outlives_elimination,
                          (start_on <= ${TODAY} AND (end_on IS NULL OR end_on >= ${TODAY})) AS running, version
                     FROM assistance_measures`;

const present = (r: MeasureRow): Measure => ({
  id: String(r.id),
  caseId: String(r.case_id),
  type: r.type,
  providerKind: r.provider_kind,
  providerName: r.provider_name,
  description: r.description,
  startOn: r.start_on,
  endOn: r.end_on,
  amount: r.amount,
  outcome: r.outcome,
  outlivesElimination: r.outlives_elimination,
  running: r.running,
  version: r.version,
});

/** A case's measures, earliest first. */
export async function listMeasures(conn: Conn, caseId: number): Promise<Measure[]> {
  const found = await rows<MeasureRow>(conn, sql`${SELECT} WHERE case_id = ${caseId} ORDER BY start_on, id`);
  return found.map(present);
}
