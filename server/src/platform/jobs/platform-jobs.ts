import type { Config } from '../../config.ts';
import { purgeSessions } from '../auth/session.repo.ts';
import { audit } from '../audit/audit.ts';
import type { JobDefinition } from './jobs.ts';

/** Jobs of the platform itself; modules add their own definitions beside their services. */
export function platformJobs(config: Config): JobDefinition[] {
  return [
    {
      name: 'sessions-purge',
      cron: config.sessionPurgeCron,
      async run(database) {
        const removed = await purgeSessions(database, config.sessionIdleSeconds);
        await audit(
          database.db,
          { actor: null, ip: 'localhost', requestId: 'job:sessions-purge' },
          {
            action: 'system.sessions_purge',
            detail: { removed },
          },
        );
      },
    },
  ];
}
