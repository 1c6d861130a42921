import type { Conn } from '../../db/client.ts';
import * as repo from './staff.repo.ts';
import { today } from './zero.service.ts';

/**
 * How many relocated or formerly poor people each enterprise employs today, from the current
 * employment records linked to it, a person with two such records counted once; 0 for none.
 */
export async function workshopStaff(conn: Conn, enterpriseIds: number[]): Promise<Map<number, number>> {
  const counts = new Map(enterpriseIds.map((id) => [id, 0]));
  if (enterpriseIds.length === 0) return counts;
  for (const r of await repo.staffCounts(conn, enterpriseIds, today()))
    counts.set(Number(r.enterprise_id), r.employed);
  return counts;
}
