import type { Candidate, CandidateQuery, JobMatch } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import { assertPersonSeen, candidateScope } from './jobs.policy.ts';
import { personOf } from './applications.repo.ts';
import { presentJob, seenJob, today } from './jobs.service.ts';
import * as ranking from './ranking.repo.ts';

/** The unemployed labour force living in the caller's scope (or one place of it) ranked for a job an official sees. */
export async function candidates(
  database: Database,
  ctx: Ctx,
  jobId: number,
  q: CandidateQuery,
): Promise<Candidate[]> {
  const { job, side } = await seenJob(database.db, ctx, jobId);
  if (side !== 'official') throw new AppError('forbidden', 'only officials rank people for a job');
  const place = q.placeId === undefined ? undefined : ((await placeById(database.db, q.placeId)) ?? null);
  const found = await ranking.candidates(database.db, job, candidateScope(ctx.actor, place), today(), 50);
  return found.map((c) => ({
    personId: String(c.id),
    name: c.name,
    age: c.age,
    householdNo: c.household_no,
    workPreference: c.work_preference as Candidate['workPreference'],
    skills: c.matched,
    distance: c.distance,
    preference: c.preference,
    score: c.score,
    applicationStatus: c.application_status as Candidate['applicationStatus'],
  }));
}

/** The open jobs of the province best for a person the official sees. */
export async function forPerson(database: Database, ctx: Ctx, personId: number): Promise<JobMatch[]> {
  const person = await personOf(database.db, personId, today());
  assertPersonSeen(ctx.actor, person);
  if (!person.labour_force) throw invalid('params.id', 'is not of working age with labour capacity');
  const found = await ranking.bestJobs(
    database.db,
    {
      residencePath: person.residence_path,
      skills: person.skills ?? [],
      workPreference: person.work_preference,
    },
    10,
  );
  return found.map((m) => ({
    job: presentJob(m),
    skills: m.matched,
    distance: m.distance,
    preference: m.preference,
    score: m.score,
  }));
}
