import type {
  HouseholdBenefit,
  IndustryBeneficiaryCreate,
  IndustryPayment,
  IndustryPaymentCreate,
  IndustryPayoutCreate,
  IndustryProject,
  IndustryProjectCreate,
  IndustryProjectDetail,
  IndustryProjectUpdate,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { raiseIndustryFailureLeads } from '../monitoring/leads.service.ts';
import { placeById } from '../places/places.service.ts';
import { assertHouseholdVisible, householdsVisibleSql } from '../registry/registry.service.ts';
import * as repo from './projects.repo.ts';
import * as policy from './sites.policy.ts';
import type { PaymentRow, ProjectRow } from './sites.sql.ts';

const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

const present = (ctx: Ctx, r: ProjectRow): IndustryProject => ({
  id: String(r.id),
  name: r.name,
  kind: r.kind as IndustryProject['kind'],
  placeId: String(r.place_id),
  placeName: r.place_name,
  investment: Number(r.investment),
  fundSource: r.fund_source as IndustryProject['fundSource'],
  status: r.status as IndustryProject['status'],
  startedOn: r.started_on,
  households: r.households,
  paid: Number(r.paid),
  mayKeep: policy.mayKeep(ctx.actor, r.place_path),
  version: r.version,
});

const presentPayment = (r: PaymentRow): IndustryPayment => ({
  id: String(r.id),
  projectId: String(r.project_id),
  householdId: String(r.household_id),
  headName: r.head_name,
  kind: r.kind as IndustryPayment['kind'],
  amount: Number(r.amount),
  paidOn: r.paid_on,
  note: r.note,
});

/** The projects the caller reaches standing at a site under `path` or above it. */
export async function list(database: Database, ctx: Ctx, path: string) {
  const found = await repo.projectsAround(database.db, path, policy.placedScope(ctx.actor, 'j.place_path'));
  return found.map((r) => present(ctx, r));
}

async function visibleProject(conn: Conn, ctx: Ctx, id: number) {
  const row = await repo.findProject(conn, id);
  policy.assertReached(ctx.actor, 'project', row);
  return row!;
}

/** A project with the households the caller sees and what was paid to them. */
export async function get(
  database: Database,
  ctx: Ctx,
  id: number,
  leadsRaised?: number,
): Promise<IndustryProjectDetail> {
  const row = await visibleProject(database.db, ctx, id);
  const seen = householdsVisibleSql(ctx.actor);
  const [beneficiaries, payments] = await Promise.all([
    repo.beneficiariesOf(database.db, id, seen),
    repo.paymentsOf(database.db, id, seen),
  ]);
  return {
    ...present(ctx, row),
    beneficiaries: beneficiaries.map((b) => ({
      householdId: String(b.household_id),
      householdNo: b.household_no,
      headName: b.head_name,
      benefit: b.benefit as IndustryProjectDetail['beneficiaries'][number]['benefit'],
      assetAmount: b.asset_amount === null ? null : Number(b.asset_amount),
      paid: Number(b.paid),
    })),
    payments: payments.map(presentPayment),
    ...(leadsRaised === undefined ? {} : { leadsRaised }),
  };
}

export async function create(database: Database, ctx: Ctx, input: IndustryProjectCreate) {
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    policy.assertPlaced(ctx.actor, place);
    const projectId = await repo.insertProject(tx, place!, input, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'sites.project_create',
      targetType: 'industry_project',
      targetId: projectId,
      detail: { kind: input.kind, investment: input.investment },
    });
    return projectId;
  });
  return get(database, ctx, id);
}

/**
 * Changes a project from the version read (409 when stale). A project marked failed raises a
 * monitoring lead with the failed-industry-project risk for each of its households, in the same transaction.
 */
export async function update(database: Database, ctx: Ctx, id: number, input: IndustryProjectUpdate) {
  const raised = await database.db.transaction(async (tx) => {
    const before = await visibleProject(tx, ctx, id);
    policy.assertKeeps(ctx.actor, before.place_path);
    const status = input.status ?? before.status;
    const next = {
      name: input.name ?? before.name,
      investment: input.investment ?? Number(before.investment),
      fundSource: input.fundSource ?? before.fund_source,
      status,
    };
    if (!(await repo.updateProject(tx, id, input.version, next))) throw stale();
    await audit(tx, ctx, {
      action: 'sites.project_update',
      targetType: 'industry_project',
      targetId: id,
      detail: { status },
    });
    if (status !== 'failed' || before.status === 'failed') return undefined;
    return raiseIndustryFailureLeads(tx, ctx, repo.householdsOfProject(id), `${before.name}`);
  });
  return get(database, ctx, id, raised);
}

/** Links a household living where the project stands, seen by the caller from the residence side. */
export async function link(database: Database, ctx: Ctx, id: number, input: IndustryBeneficiaryCreate) {
  await database.db.transaction(async (tx) => {
    const project = await visibleProject(tx, ctx, id);
    policy.assertKeeps(ctx.actor, project.place_path);
    const household = await repo.householdPaths(tx, input.householdId);
    if (!household || household.status !== 'active')
      throw new AppError('not_found', 'household not found', [
        { field: 'householdId', reason: 'unknown household' },
      ]);
    assertHouseholdVisible(ctx.actor, household);
    policy.assertLivesAt(project.place_path, household);
    if (!(await repo.link(tx, id, input.householdId, input.benefit, input.assetAmount)))
      throw new AppError('duplicate', 'linked already', [
        { field: 'householdId', reason: 'is linked already' },
      ]);
    await audit(tx, ctx, {
      action: 'sites.project_link',
      targetType: 'household',
      targetId: input.householdId,
      detail: { projectId: id, benefit: input.benefit },
    });
  });
  return get(database, ctx, id);
}

/** Records a payment to one household of the project; a household outside it is refused. */
export async function pay(database: Database, ctx: Ctx, id: number, input: IndustryPaymentCreate) {
  await database.db.transaction(async (tx) => {
    const project = await visibleProject(tx, ctx, id);
    policy.assertKeeps(ctx.actor, project.place_path);
    if (!(await repo.isBeneficiary(tx, id, input.householdId)))
      throw invalid('householdId', 'is not a household of the project');
    const paymentId = await repo.insertPayment(tx, id, input.householdId, input, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'sites.project_pay',
      targetType: 'household',
      targetId: input.householdId,
      detail: { projectId: id, paymentId, kind: input.kind, amount: input.amount },
    });
  });
  return get(database, ctx, id);
}

/** Pays each household of the project the same amount (a dividend, a rent), in one statement. */
export async function payout(database: Database, ctx: Ctx, id: number, input: IndustryPayoutCreate) {
  await database.db.transaction(async (tx) => {
    const project = await visibleProject(tx, ctx, id);
    policy.assertKeeps(ctx.actor, project.place_path);
    const paid = await repo.payAll(tx, id, input, ctx.actor.userId);
    if (paid === 0) throw invalid('amount', 'the project has no households to pay');
    await audit(tx, ctx, {
      action: 'sites.project_payout',
      targetType: 'industry_project',
      targetId: id,
      detail: { kind: input.kind, amount: input.amount, households: paid },
    });
  });
  return get(database, ctx, id);
}

/** What a household receives from the projects it is linked to, with every payment. */
export async function ofHousehold(
  database: Database,
  ctx: Ctx,
  householdId: number,
): Promise<HouseholdBenefit[]> {
  const household = await repo.householdPaths(database.db, householdId);
  assertHouseholdVisible(ctx.actor, household);
  const [benefits, payments] = await Promise.all([
    repo.benefitsOfHousehold(database.db, householdId),
    repo.paymentsOfHousehold(database.db, householdId),
  ]);
  return benefits.map((b) => ({
    projectId: String(b.project_id),
    projectName: b.project_name,
    projectKind: b.project_kind as HouseholdBenefit['projectKind'],
    status: b.status as HouseholdBenefit['status'],
    benefit: b.benefit as HouseholdBenefit['benefit'],
    assetAmount: b.asset_amount === null ? null : Number(b.asset_amount),
    payments: payments.filter((p) => Number(p.project_id) === Number(b.project_id)).map(presentPayment),
  }));
}
