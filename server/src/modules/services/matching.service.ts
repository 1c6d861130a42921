import type { Credibility, NeedMatches, ProviderMatch, SocialOrgKind } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { normsWithSources } from '../../platform/norms.ts';
import { CREDIBILITY_NORMS, MATCH_NORMS } from './credibility.sql.ts';
import * as repo from './matching.repo.ts';
import * as needs from './needs.repo.ts';
import { readerOf } from './needs.service.ts';
import * as orgs from './orgs.repo.ts';
import { presentResource } from './resources.service.ts';
import * as resources from './resources.repo.ts';
import { assertNeedVisible, needScope, orgScope, resourceScope, standingOf } from './services.policy.ts';

/** How many providers a need's page ranks. */
const SHOWN = 10;

export const presentMatch = (r: repo.MatchRow): ProviderMatch => ({
  rank: r.rank,
  orgId: String(r.org_id),
  orgName: r.org_name,
  orgKind: r.org_kind as SocialOrgKind,
  credibility: Number(r.credibility),
  capacity: r.capacity,
  capacityLeft: r.capacity_left,
  parts: { credibility: Number(r.part_credibility), capacity: Number(r.part_capacity) },
  score: Number(r.score),
});

/** The providers ranked for an open need an official works, and the resources available at its place. */
export async function matches(database: Database, ctx: Ctx, needId: number): Promise<NeedMatches> {
  const conn = database.db;
  const need = await needs.findById(conn, needId);
  const reader = await readerOf(conn, ctx.actor);
  assertNeedVisible(reader, need);
  if (!standingOf(reader, need).official) throw forbidden();
  const [ranked, available, [credibility, capacity, casesPerStaff]] = await Promise.all([
    need.status === 'open' ? repo.rankProviders(conn, needScope(reader), SHOWN, needId) : [],
    resources.availableAt(conn, resourceScope(ctx.actor), need.place_path),
    normsWithSources(conn, MATCH_NORMS.credibility, MATCH_NORMS.capacity, MATCH_NORMS.casesPerStaff),
  ]);
  return {
    providers: ranked.map(presentMatch),
    weights: { credibility, capacity, casesPerStaff },
    resources: available.map(presentResource),
  };
}

/** An organization's credibility with its parts and the formula's weights and their sources. */
export async function credibility(database: Database, ctx: Ctx, orgId: number): Promise<Credibility> {
  const conn = database.db;
  if (!(await orgs.findVisible(conn, orgScope(ctx.actor), orgId))) throw notFound('organization');
  const [row, [onTime, rating, complaintPoints, priorPercent]] = await Promise.all([
    repo.credibilityOf(conn, orgId),
    normsWithSources(
      conn,
      CREDIBILITY_NORMS.onTime,
      CREDIBILITY_NORMS.rating,
      CREDIBILITY_NORMS.complaintPoints,
      CREDIBILITY_NORMS.priorPercent,
    ),
  ]);
  return {
    orgId: String(orgId),
    score: Number(row.score),
    projects: row.projects,
    milestonesDue: row.milestones_due,
    milestonesOnTime: row.milestones_on_time,
    ratingCount: row.rating_count,
    ratingAvg: row.rating_avg === null ? null : Number(row.rating_avg),
    complaints: row.complaints,
    parts: {
      onTime: Number(row.part_on_time),
      rating: Number(row.part_rating),
      complaints: Number(row.part_complaints),
    },
    weights: { onTime, rating, complaintPoints, priorPercent },
  };
}
