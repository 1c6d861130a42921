import { sql, type SQL } from 'drizzle-orm';
import { can, type ApplicationStatus } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  covers,
  ownScopeSql,
  reaches,
  reachingSql,
  rootsOf,
  sideOf,
  underSql,
} from '../../platform/access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.ts';

/**
 * Who deals with jobs and how:
 * - officials (`job:read`) see the jobs whose place lies in their scope or contains it (a county's job
 *   is seen in its communities and grids), with all their applications; those with `job:write` post
 *   and change them on a place of their own scope for any enterprise of the register they see;
 * - an enterprise's staff (`job:post`, linked to one enterprise) see and change only their
 *   enterprise's jobs, and of their applications only those the person applied for or agreed to,
 *   the phone masked until the person agrees to show it;
 * - a resident (`job:apply`) applies for the people of the household in their dwelling.
 */
export type Side = 'official' | 'employer';

interface JobLike {
  place_path: string;
  enterprise_id: number;
}

/** How the actor sees a job, or 404 when they do not. */
export function jobSide(actor: Actor, job: JobLike | undefined, employerId: number | null): Side {
  if (job && can(actor.roles, 'job:read') && reaches(actor, job.place_path)) return 'official';
  if (job && can(actor.roles, 'job:post') && employerId !== null && Number(job.enterprise_id) === employerId)
    return 'employer';
  throw notFound('job');
}

/** A new job is posted as an official by those with `job:write`, else as an enterprise's staff. */
export const postingSide = (actor: Actor): Side => (can(actor.roles, 'job:write') ? 'official' : 'employer');

/** Officials change a job of their own scope with `job:write`; an enterprise's staff change their own. */
export function assertMayChange(actor: Actor, side: Side, job: { place_path: string }) {
  if (side === 'official' && !(can(actor.roles, 'job:write') && covers(actor, job.place_path)))
    throw forbidden('only officials of the place of the job with job:write change it');
}

/** Jobs (`j`) the actor sees: on a place of their scope or containing it, or of their own enterprise. */
export function jobScope(actor: Actor, employerId: number | null): SQL {
  const parts: SQL[] = [];
  if (can(actor.roles, 'job:read')) parts.push(reachingSql(sql.raw('j.place_path'), rootsOf(actor)));
  if (can(actor.roles, 'job:post') && employerId !== null) parts.push(sql`j.enterprise_id = ${employerId}`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

/**
 * People (`p`) ranked for a job: those living in the official's own scope, within one place of it when
 * asked (`null`, a place that does not exist, gives none).
 */
export function candidateScope(actor: Actor, place: { path: string } | null | undefined): SQL {
  const own = ownScopeSql(actor, sql.raw('p.residence_path'));
  if (place === undefined) return own;
  return sql`${own} AND ${underSql(sql.raw('p.residence_path'), place ? [place.path] : [])}`;
}

/** An enterprise's staff post only once an official has linked them to their enterprise. */
export function assertEmployer(employerId: number | null): asserts employerId is number {
  if (employerId === null) throw invalid('enterpriseId', 'not linked to an enterprise');
}

const JOB_LEVELS = ['county', 'township', 'community'];

/** The first `n` ids of a path as a path: 3 is the county of a place, 4 its township, 5 its community. */
export function prefixOf(path: string, n: number): string | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length < n ? null : `/${ids.slice(0, n).join('/')}/`;
}

/**
 * Where a job's work is: a county, township or community — in the official's scope, or, for an
 * enterprise's staff, in the county of their enterprise.
 */
export function assertJobPlace(
  actor: Actor,
  side: Side,
  place: { path: string; level: string } | undefined,
  enterprisePath: string,
) {
  const county = prefixOf(enterprisePath, 3);
  const inside =
    place &&
    (side === 'official' ? covers(actor, place.path) : county !== null && place.path.startsWith(county));
  if (!inside) throw invalid('placeId', 'unknown place');
  if (!JOB_LEVELS.includes(place.level)) throw invalid('placeId', 'must be a county, township or community');
}

/** A wage range runs from its minimum up. */
export function assertWages(min: number, max: number) {
  if (max < min) throw invalid('wageMax', 'must not be below the minimum wage');
}

/** The employer never sees a recommendation the person has not agreed to: it reads as missing. */
export function assertApplicationSeen(side: Side, a: { consented: boolean } | undefined): asserts a {
  if (!a || (side === 'employer' && !a.consented)) throw notFound('application');
}

/** The phone the side sees: officials and employers read the masked form unless the person agreed to show it to the employer. */
export const phoneShownWhole = (side: Side, a: { show_phone: boolean }) =>
  side === 'employer' && a.show_phone;

/** A person an official puts forward: seen from either side, else unknown (as a missing one). */
export function assertPersonSeen<T extends { residence_path: string; hukou_path: string }>(
  actor: Actor,
  p: T | undefined,
): asserts p is T {
  if (!p || sideOf(actor, p.residence_path, p.hukou_path) === null)
    throw new AppError('not_found', 'person not found', [{ field: 'personId', reason: 'unknown person' }]);
}

/** A grid worker or community official records a person's consent on their behalf from the residence side. */
export function assertOnBehalf(actor: Actor, residencePath: string) {
  if (!covers(actor, residencePath)) throw notFound('application');
}

/** The statuses each step of an application starts from. */
export const STEPS = {
  consent: ['recommended'],
  interview: ['applied', 'interview'],
  hire: ['applied', 'interview'],
  reject: ['applied', 'interview'],
  withdraw: ['recommended', 'applied', 'interview'],
} as const satisfies Record<string, readonly ApplicationStatus[]>;

export function assertStep(step: keyof typeof STEPS, status: string) {
  if (!(STEPS[step] as readonly string[]).includes(status))
    throw new AppError('conflict', `cannot ${step} an application that is ${status}`, [
      { field: 'status', reason: 'not allowed in this state' },
    ]);
}
