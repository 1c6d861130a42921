import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { audit } from '../../platform/audit/audit.ts';
import { screenInto } from './screening.service.ts';

/**
 * The monthly automatic screening: every active household against the rules in force, on the
 * incomes of the last full year. Leads it raises carry no user; the run is audited as the system's.
 */
export async function screenAll(database: Database, now = new Date()) {
  const year = now.getFullYear() - 1;
  return database.db.transaction(async (tx) => {
    const { version, outcome } = await screenInto(tx, { where: sql`true` }, year, now, null);
    await audit(
      tx,
      { actor: null, ip: 'localhost', requestId: 'job:monitoring-screen' },
      {
        action: 'monitoring.screen',
        detail: { year, ruleVersion: version, screened: outcome.screened, newLeads: outcome.new_leads },
      },
    );
    return { year, ruleVersion: version, screened: outcome.screened, newLeads: outcome.new_leads };
  });
}

export const monitoringJobs: JobDefinition[] = [
  {
    name: 'monitoring-screen',
    cron: '0 3 1 * *',
    async run(database) {
      await screenAll(database);
    },
  },
];
