import { sql, type SQL } from 'drizzle-orm';
import { can, CASE_STEPS, type CaseStep, type Role } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { bothSidesSql, covers, ownScopeSql, rootsOf } from '../../platform/access/scope.ts';
import { AppError } from '../../platform/errors.ts';
import { listSql } from './cases.sql.ts';
import { STEPS, type Owner, type Standing } from './workflow.ts';

/** The level of the procedure each official role acts at. */
const ROLE_OWNER: Partial<Record<Role, Owner>> = {
  community_staff: 'community',
  grid_worker: 'community',
  township_officer: 'township',
  county_admin: 'county',
};

/** How the actor stands to a case: by role, and only with a scope covering the household's residence. */
export function standingOf(actor: Actor, residencePath: string): Standing {
  const standing: Standing = { community: false, township: false, county: false };
  if (!covers(actor, residencePath)) return standing;
  for (const role of actor.roles) {
    const owner = ROLE_OWNER[role];
    if (owner) standing[owner] = true;
  }
  return standing;
}

/** Officials of either side see a case (condition on `c`, read from the case's own path indexes). */
export function casesVisible(actor: Actor): SQL {
  return bothSidesSql(actor, sql`c.residence_path`, sql`c.origin_path`);
}

/** The cases whose current step the actor owns (condition on `c`). */
export function casesOwned(actor: Actor): SQL {
  const owners = new Set(actor.roles.map((r) => ROLE_OWNER[r]).filter((o) => o !== undefined));
  const steps = CASE_STEPS.filter((s) => {
    const owner = STEPS[s]?.owner;
    return owner !== undefined && owners.has(owner);
  });
  if (steps.length === 0 || rootsOf(actor).length === 0) return sql`false`;
  return sql`(c.step IN (${listSql(steps)}) AND ${ownScopeSql(actor, sql`c.residence_path`)})`;
}

interface CasePaths {
  residence_path: string;
  origin_path: string | null;
}

/** Missing and out of scope look the same; `what` names the record (a case, or the lead it opens from). */
export function assertCaseVisible<T extends CasePaths>(
  actor: Actor,
  c: T | undefined,
  what = 'case',
): asserts c is T {
  if (!c || !(covers(actor, c.residence_path) || covers(actor, c.origin_path)))
    throw new AppError('not_found', `${what} not found`);
}

const ASSISTED: readonly CaseStep[] = [
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
];

/** Measures are added by writers of the residence side while the household is assisted or leaving monitoring. */
export function canAssist(actor: Actor, c: CasePaths & { step: CaseStep }): boolean {
  return can(actor.roles, 'monitoring:write') && covers(actor, c.residence_path) && ASSISTED.includes(c.step);
}
