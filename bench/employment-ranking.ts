// (c) ranking the unemployed labour of a county for a county-wide job and (d) an unemployed person's
// best jobs, each through the API (GET /api/jobs/:id/candidates?placeId=<county>, GET
// /api/jobs/for-person/:id) against the same statement of the jobs module's ranking run bare, in the
// same run.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../server/src/db/client.ts';
import { rows } from '../server/src/db/rows.ts';
import { labourForceSql, unemployedSql } from '../server/src/modules/employment/placement.service.ts';
import type { Actor } from '../server/src/platform/auth/actor.ts';
import { candidateScope } from '../server/src/modules/jobs/jobs.policy.ts';
import { bestJobs, candidates } from '../server/src/modules/jobs/ranking.repo.ts';
import { measure, type Latency } from './registry-load.ts';

/** The targets of issue 12, at province scale. */
const TARGET_P95_MS = { candidates: 100, bestJobs: 50 };

/** `count` items taken round from `from`, so a short list still gives `count` requests. */
const round = <T>(from: T[], count: number) => Array.from({ length: count }, (_, i) => from[i % from.length]);

const getting = (app: FastifyInstance, headers: Record<string, string>, url: string) => async () => {
  const res = await app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
};

const figure = (api: Latency, bare: Latency, target: number) => ({
  ...api,
  sameSqlP95ms: bare.p95ms,
  targetP95ms: target,
});

/** Both rankings through the API as `userId` (community staff over every province) and bare, `count` each. */
export async function rankings(
  database: Database,
  app: FastifyInstance,
  headers: Record<string, string>,
  userId: number,
  count: number,
) {
  const on = new Date().toISOString().slice(0, 10);
  const scopes = await database.query<{ id: number; path: string }>(
    `SELECT id::int8 AS id, path FROM places WHERE level = 'province' ORDER BY id`,
  );
  const actor: Actor = {
    userId,
    username: 'bench_employment',
    displayName: '基准',
    roles: ['community_staff'],
    scopes,
    csrfToken: '',
    sessionHash: '',
    mustChangePassword: false,
  };

  const jobs = await database.query<{ id: number; skills: string[]; place_path: string; place_id: number }>(
    `SELECT j.id::int8 AS id, j.skills, j.place_path, j.place_id::int8 AS place_id
       FROM jobs j JOIN places c ON c.id = j.place_id
      WHERE c.level = 'county' AND j.status = 'open' ORDER BY md5(j.id::text) LIMIT $1`,
    [count],
  );
  if (jobs.length === 0) throw new Error('no county-wide jobs in the data');
  const ranked = round(jobs, count);
  const candidatesApi = await measure(
    ranked.map((j) => getting(app, headers, `/api/jobs/${j.id}/candidates?placeId=${j.place_id}`)),
    1,
  );
  const candidatesBare = await measure(
    ranked.map((j) => async () => {
      await candidates(database.db, j, candidateScope(actor, { path: j.place_path }), on, 50);
    }),
    1,
  );

  const people = await rows<{
    id: number;
    residence_path: string;
    skills: string[] | null;
    work_preference: string | null;
  }>(
    database.db,
    sql`SELECT p.id::int8 AS id, p.residence_path, lp.skills, lp.work_preference
          FROM persons p LEFT JOIN labour_profiles lp ON lp.person_id = p.id
         WHERE ${labourForceSql(on)} AND ${unemployedSql(on)}
         ORDER BY md5(p.id::text) LIMIT ${count}`,
  );
  if (people.length === 0) throw new Error('no unemployed labour in the data');
  const matched = round(people, count);
  const bestApi = await measure(
    matched.map((p) => getting(app, headers, `/api/jobs/for-person/${p.id}`)),
    1,
  );
  const bestBare = await measure(
    matched.map((p) => async () => {
      await bestJobs(
        database.db,
        { residencePath: p.residence_path, skills: p.skills ?? [], workPreference: p.work_preference },
        10,
      );
    }),
    1,
  );
  return {
    rankCandidates: figure(candidatesApi, candidatesBare, TARGET_P95_MS.candidates),
    bestJobs: figure(bestApi, bestBare, TARGET_P95_MS.bestJobs),
  };
}
