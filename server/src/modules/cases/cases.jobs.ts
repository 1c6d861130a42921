import type { Database } from '../../db/client.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { alertUnopenedLeads } from '../monitoring/procedure.service.ts';
import { alertOverdue } from './clock.repo.ts';

/**
 * The clock from the lead: alerts the owners of the cases past their decision days, and the community
 * of the leads nobody opened in that time, each once, in one transaction.
 */
export async function alertOverdueCases(database: Database, now = new Date()) {
  return database.db.transaction(async (tx) => ({
    ...(await alertOverdue(tx, now)),
    ...(await alertUnopenedLeads(tx, now)),
  }));
}

export const caseJobs: JobDefinition[] = [
  {
    name: 'monitoring-case-clock',
    cron: '17 * * * *',
    async run(database) {
      await alertOverdueCases(database);
    },
  },
];
