import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { recomputeEverywhere } from './zero.service.ts';

export const employmentJobs: JobDefinition[] = [
  {
    name: 'employment-zero-daily',
    cron: '23 1 * * *',
    async run(database) {
      await recomputeEverywhere(database);
    },
  },
];
