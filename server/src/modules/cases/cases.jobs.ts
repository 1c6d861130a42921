import type { Database } from '../../db/client.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { alertOverdue } from './clock.repo.ts';

/** Alerts the owners of the cases past their 15 days, once, in one transaction. */
export async function alertOverdueCases(database: Database, now = new Date()) {
  return database.db.transaction((tx) => alertOverdue(tx, now));
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
