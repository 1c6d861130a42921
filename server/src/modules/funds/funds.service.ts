import type {
  FundAccountCreate,
  FundAccountQuery,
  FundBudgetSet,
  FundExecutionQuery,
  FundSetup,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import { dictionary } from '../registry/extras.service.ts';
import { threshold } from './entries.service.ts';
import * as repo from './funds.repo.ts';
import { accountScope, assertCommunity, assertVisible, inScope } from './funds.policy.ts';
import { presentAccount } from './funds.present.ts';
import * as ledger from './ledger.repo.ts';

/** The dictionaries and the threshold the funds pages need. */
export async function setup(database: Database): Promise<FundSetup> {
  const [accountKinds, categories, limit] = await Promise.all([
    dictionary(database, 'fund_account_kind'),
    dictionary(database, 'fund_category'),
    threshold(database.db),
  ]);
  return {
    accountKinds,
    categories,
    thresholdFen: String(limit.fen),
    thresholdSourceZh: limit.sourceZh,
    thresholdSourceEn: limit.sourceEn,
  };
}

export async function getAccount(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findAccount(database.db, id);
  assertVisible(ctx.actor, row, 'account');
  return presentAccount(row);
}

/** Opens an account of a community in scope; its name is unique in the community. */
export async function createAccount(database: Database, ctx: Ctx, input: FundAccountCreate) {
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    assertCommunity(ctx.actor, place);
    const id = await repo.insertAccount(tx, { ...input, placePath: place!.path });
    if (!id)
      throw conflict('the community already has an account of this name', [
        { field: 'name', reason: 'already used in the community' },
      ]);
    await audit(tx, ctx, {
      action: 'fund_account.create',
      targetType: 'fund_account',
      targetId: id,
      detail: { kind: input.kind },
    });
    return id;
  });
  return getAccount(database, ctx, id);
}

/** The accounts of the caller's communities with their balances. */
export async function listAccounts(database: Database, ctx: Ctx, q: FundAccountQuery) {
  return (await repo.listAccounts(database.db, accountScope(ctx.actor), q.placeId)).map(presentAccount);
}

/** Sets a community's budget of a year for a category. */
export async function setBudget(database: Database, ctx: Ctx, input: FundBudgetSet) {
  await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    assertCommunity(ctx.actor, place);
    await ledger.setBudget(tx, { ...input, placePath: place!.path });
    await audit(tx, ctx, {
      action: 'fund_budget.set',
      targetType: 'place',
      targetId: input.placeId,
      detail: { year: input.year, category: input.category, amountFen: input.amountFen },
    });
  });
  return execution(database, ctx, { placeId: input.placeId, year: input.year });
}

/** Budget execution of a community's year per category. */
export async function execution(database: Database, ctx: Ctx, q: FundExecutionQuery) {
  const place = await placeById(database.db, q.placeId);
  if (!place || !inScope(ctx.actor, place.path)) throw invalid('placeId', 'unknown place');
  const rows = await ledger.execution(database.db, q.placeId, q.year);
  return {
    placeId: String(q.placeId),
    year: q.year,
    rows: rows.map((r) => ({
      category: r.category as FundBudgetSet['category'],
      budgetFen: r.budget_fen,
      spentFen: r.spent_fen,
      receivedFen: r.received_fen,
      executionPct:
        BigInt(r.budget_fen) === 0n
          ? null
          : Number((BigInt(r.spent_fen) * 1000n) / BigInt(r.budget_fen)) / 10,
    })),
  };
}
