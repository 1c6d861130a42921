import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { alertLate } from './needs.service.ts';

export const servicesJobs: JobDefinition[] = [
  {
    name: 'services-late-needs',
    cron: '7 * * * *',
    async run(database) {
      await alertLate(database);
    },
  },
];
