import type { VisitPlan, VisitPlanCreate, VisitPlanUpdate } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { dictionary } from '../registry/extras.service.ts';
import * as repo from './plans.repo.ts';
import { communityOf } from './visits.service.ts';

const present = (r: repo.PlanRow): VisitPlan => ({
  id: String(r.id),
  communityId: r.community_id === null ? null : String(r.community_id),
  name: r.name,
  tag: r.tag,
  povertyStatus: r.poverty_status as VisitPlan['povertyStatus'],
  labourCapacity: r.labour_capacity as VisitPlan['labourCapacity'],
  intervalDays: r.interval_days,
  version: r.version,
});

/** The plans a community follows: its own, or the defaults while it has none. */
export async function plansOf(database: Database, ctx: Ctx, communityId: number) {
  const community = await communityOf(database.db, ctx, communityId);
  const own = await repo.plansOf(database.db, community.id);
  const plans = own.length > 0 ? own : await repo.plansOf(database.db, null);
  return { communityId: String(community.id), inherited: own.length === 0, plans: plans.map(present) };
}

async function checked<T extends repo.PlanValues>(database: Database, input: T): Promise<T> {
  if (input.tag !== null && !(await dictionary(database, 'person_tag')).some((d) => d.code === input.tag))
    throw invalid('tag', 'not a person tag');
  return input;
}

/** Adds a plan to a community; its first own plan starts from a copy of the defaults it followed. */
export async function createPlan(database: Database, ctx: Ctx, input: VisitPlanCreate) {
  const community = await communityOf(database.db, ctx, Number(input.communityId), true);
  const values = await checked(database, input);
  const id = await database.db.transaction(async (tx) => {
    await repo.lockPlans(tx, community.id);
    const adopted = (await repo.plansOf(tx, community.id)).length === 0;
    if (adopted) await repo.adoptDefaults(tx, community.id);
    const planId = await repo.insert(tx, community.id, values);
    await audit(tx, ctx, {
      action: 'visit_plan.create',
      targetType: 'place',
      targetId: community.id,
      detail: { planId, adoptedDefaults: adopted, ...values },
    });
    return planId;
  });
  return present((await repo.find(database.db, id))!);
}

/** A community's own plan, locked, at the version the caller started from. */
async function ownPlan(tx: Conn, ctx: Ctx, id: number, version: number) {
  const plan = await repo.find(tx, id, true);
  if (!plan || plan.community_id === null) throw notFound('visit plan');
  await communityOf(tx, ctx, plan.community_id, true);
  if (plan.version !== version)
    throw conflict('the plan was changed meanwhile', [{ field: 'version', reason: 'stale' }]);
  return plan;
}

export async function updatePlan(database: Database, ctx: Ctx, id: number, input: VisitPlanUpdate) {
  const values = await checked(database, input);
  await database.db.transaction(async (tx) => {
    const plan = await ownPlan(tx, ctx, id, input.version);
    await repo.update(tx, id, values);
    await audit(tx, ctx, {
      action: 'visit_plan.update',
      targetType: 'place',
      targetId: plan.community_id!,
      detail: { planId: id, ...values },
    });
  });
  return present((await repo.find(database.db, id))!);
}

/** Removes a plan; a community left without plans follows the defaults again. */
export async function removePlan(database: Database, ctx: Ctx, id: number, version: number) {
  await database.db.transaction(async (tx) => {
    const plan = await ownPlan(tx, ctx, id, version);
    await repo.remove(tx, id);
    await audit(tx, ctx, {
      action: 'visit_plan.delete',
      targetType: 'place',
      targetId: plan.community_id!,
      detail: { planId: id, name: plan.name },
    });
  });
  return { ok: true as const };
}
