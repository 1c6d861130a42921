import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { alertLate } from './plan.service.ts';

export const sitesJobs: JobDefinition[] = [
  {
    name: 'sites-late-tasks',
    cron: '17 7 * * *',
    async run(database) {
      await alertLate(database);
    },
  },
];
