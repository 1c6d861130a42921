import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import { pgArray } from '../../db/array.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, ownScopeSql, reachingSql, rootsOf } from '../../platform/access/scope.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { Standing } from './workflow.ts';

/** The levels an organization or a resource is kept on. */
export const REGISTER_LEVELS = ['county', 'township', 'community'] as const;

/** Who reads needs, as the service found them: the organization of a provider, the households of a resident. */
export interface Reader {
  actor: Actor;
  orgId: number | null;
  households: number[];
}

const seesHealth = (actor: Actor) => can(actor.roles, 'person:health');

/**
 * Needs (`n`) the reader may read: officials those of their scope, a sensitive one only with the
 * health permission; a provider those referred to its organization; a resident their household's.
 */
export function needScope(r: Reader): SQL {
  const parts: SQL[] = [];
  if (can(r.actor.roles, 'service:read')) {
    const scope = ownScopeSql(r.actor, sql.raw('n.place_path'));
    parts.push(seesHealth(r.actor) ? scope : sql`(${scope} AND NOT n.sensitive)`);
  }
  if (can(r.actor.roles, 'service:provide') && r.orgId !== null)
    parts.push(sql`(n.org_id = ${r.orgId} AND n.status <> 'open')`);
  if (can(r.actor.roles, 'service:request') && r.households.length > 0)
    parts.push(sql`n.household_id = ANY(${pgArray(r.households)}::bigint[])`);
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`;
}

interface NeedFacts {
  place_path: string;
  sensitive: boolean;
  org_id: number | null;
  household_id: number;
  status: string;
}

/** How the reader stands to a need (the JS twin of `needScope`, with who may work it). */
export function standingOf(r: Reader, n: NeedFacts): Standing & { reads: boolean } {
  const inScope = covers(r.actor, n.place_path) && (!n.sensitive || seesHealth(r.actor));
  const official = inScope && can(r.actor.roles, 'service:write');
  const provider =
    can(r.actor.roles, 'service:provide') &&
    r.orgId !== null &&
    Number(n.org_id) === r.orgId &&
    n.status !== 'open';
  const concerned = can(r.actor.roles, 'service:request') && r.households.includes(Number(n.household_id));
  const reads = (inScope && can(r.actor.roles, 'service:read')) || provider || concerned;
  return { official, provider, concerned, reads };
}

/** A need the reader may not read is as missing as one that does not exist. */
export function assertNeedVisible<T extends NeedFacts>(r: Reader, row: T | undefined): asserts row is T {
  if (!row || !standingOf(r, row).reads) throw notFound('need');
}

/** Organizations (`o`) an official sees: registered in their scope, or serving a place in it or above it. */
export const orgScope = (actor: Actor): SQL =>
  sql`(${ownScopeSql(actor, sql.raw('o.place_path'))} OR EXISTS (
        SELECT 1 FROM social_org_places sp
         WHERE sp.org_id = o.id AND ${reachingSql(sql.raw('sp.place_path'), rootsOf(actor))}))`;

/** An organization is changed only by officials of the place that registered it. */
export function assertOrgKept<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound('organization');
}

/** The place an organization or resource is kept on: in scope (else unknown) and of a register level. */
export function assertRegisterPlace(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (!(REGISTER_LEVELS as readonly string[]).includes(place.level))
    throw invalid('placeId', 'must be a county, township or community');
}

/** Resources (`r`) kept on a place of the actor's scope. */
export const resourceScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('r.place_path'));

/** A resource outside the actor's scope reads as missing. */
export function assertResourceVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound('resource');
}

/**
 * Projects (`p`) the reader may read: officials those owned in their scope, a provider its
 * organization's, a resident those serving their household.
 */
export function projectScope(r: Reader): SQL {
  const parts: SQL[] = [];
  if (can(r.actor.roles, 'service:read')) parts.push(ownScopeSql(r.actor, sql.raw('p.place_path')));
  if (can(r.actor.roles, 'service:provide') && r.orgId !== null) parts.push(sql`p.org_id = ${r.orgId}`);
  if (can(r.actor.roles, 'service:request') && r.households.length > 0)
    parts.push(sql`EXISTS (SELECT 1 FROM service_project_served ps
                            WHERE ps.project_id = p.id AND ps.household_id = ANY(${pgArray(r.households)}::bigint[]))`);
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`;
}

export interface ProjectStanding {
  reads: boolean;
  /** An official of the owning place: changes it, adds people served and milestones, records complaints. */
  manages: boolean;
  /** Its provider's staff. */
  provides: boolean;
  /** The household of the reader is served by it. */
  served: number | null;
}

/** How the reader stands to a project (the JS twin of `projectScope`). */
export function projectStandingOf(
  r: Reader,
  p: { place_path: string; org_id: number },
  servedHouseholds: number[],
): ProjectStanding {
  const inScope = covers(r.actor, p.place_path);
  const manages = inScope && can(r.actor.roles, 'service:write');
  const provides = can(r.actor.roles, 'service:provide') && r.orgId !== null && Number(p.org_id) === r.orgId;
  const served = can(r.actor.roles, 'service:request')
    ? (r.households.find((h) => servedHouseholds.includes(h)) ?? null)
    : null;
  const reads = (inScope && can(r.actor.roles, 'service:read')) || provides || served !== null;
  return { reads, manages, provides, served };
}

/** A project the reader may not read is as missing as one that does not exist. */
export function assertProjectVisible(s: ProjectStanding) {
  if (!s.reads) throw notFound('project');
}
