import { z } from 'zod';
import { Id, IdParam, IsoDay, IsoInstant, pageOf, Paging, Version } from './common.ts';
import { DictionaryEntry } from './registry.ts';

/** Codes of the `fund_account_kind` dictionary. */
export const FUND_ACCOUNT_KINDS = [
  'collective',
  'party_mass_service',
  'public_welfare',
  'grant',
  'donation',
] as const;
export type FundAccountKind = (typeof FUND_ACCOUNT_KINDS)[number];

/** Codes of the `fund_category` dictionary. */
export const FUND_CATEGORIES = [
  'grant_income',
  'donation_income',
  'operating_income',
  'office',
  'activity',
  'service',
  'maintenance',
  'assistance',
  'party_building',
  'other',
] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];

export const FUND_DIRECTIONS = ['income', 'expense'] as const;
export type FundDirection = (typeof FUND_DIRECTIONS)[number];

export const FUND_ENTRY_STATUSES = ['pending', 'posted', 'rejected'] as const;
export type FundEntryStatus = (typeof FUND_ENTRY_STATUSES)[number];

/** What may be done to an entry: the community's approval, the township's, a refusal. */
export const FUND_DECISIONS = ['approve', 'township', 'reject'] as const;
export type FundDecision = (typeof FUND_DECISIONS)[number];

/** An amount in fen, exact: a decimal string of an integer (sums may pass JavaScript's safe integers). */
export const Fen = z.string().regex(/^-?[0-9]+$/);
export type Fen = z.infer<typeof Fen>;

/** An amount a request carries: whole fen, above zero, at most 1,000,000,000 yuan. */
export const AmountFen = z.number().int().min(1).max(100_000_000_000);
export type AmountFen = z.infer<typeof AmountFen>;

/** A month, `YYYY-MM`. */
export const IsoMonth = z.string().regex(/^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export type IsoMonth = z.infer<typeof IsoMonth>;

export const FundAccountCreate = z.object({
  placeId: IdParam,
  kind: z.enum(FUND_ACCOUNT_KINDS),
  name: z.string().trim().min(1).max(64),
});
export type FundAccountCreate = z.infer<typeof FundAccountCreate>;

export const FundAccount = z.object({
  id: Id,
  placeId: Id,
  placeName: z.string(),
  kind: z.enum(FUND_ACCOUNT_KINDS),
  name: z.string(),
  balanceFen: Fen,
  pendingCount: z.number().int(),
  lastClosedMonth: IsoMonth.nullable(),
  version: Version,
});
export type FundAccount = z.infer<typeof FundAccount>;

export const FundAccountQuery = z.object({ placeId: IdParam.optional() });
export type FundAccountQuery = z.infer<typeof FundAccountQuery>;

export const FundSetup = z.object({
  accountKinds: z.array(DictionaryEntry),
  categories: z.array(DictionaryEntry),
  thresholdFen: Fen,
  thresholdSourceZh: z.string(),
  thresholdSourceEn: z.string(),
});
export type FundSetup = z.infer<typeof FundSetup>;

export const FundEntryCreate = z.object({
  accountId: IdParam,
  direction: z.enum(FUND_DIRECTIONS),
  amountFen: AmountFen,
  category: z.enum(FUND_CATEGORIES),
  occurredOn: IsoDay,
  summary: z.string().trim().min(1).max(200),
  counterparty: z.string().trim().max(128).default(''),
  decisionRef: z.string().trim().max(128).default(''),
});
export type FundEntryCreate = z.infer<typeof FundEntryCreate>;
export type FundEntryCreateInput = z.input<typeof FundEntryCreate>;

const Person = z.object({ id: Id, name: z.string() }).nullable();

export const FundVoucher = z.object({ id: Id, contentType: z.string(), size: z.number().int() });
export type FundVoucher = z.infer<typeof FundVoucher>;

export const FundEntry = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  placeName: z.string(),
  direction: z.enum(FUND_DIRECTIONS),
  amountFen: Fen,
  category: z.enum(FUND_CATEGORIES),
  occurredOn: IsoDay,
  summary: z.string(),
  counterparty: z.string(),
  decisionRef: z.string(),
  reversesId: Id.nullable(),
  reversedById: Id.nullable(),
  status: z.enum(FUND_ENTRY_STATUSES),
  /** Above the threshold: also needs the township's approval or a representatives' decision. */
  aboveThreshold: z.boolean(),
  recordedBy: Person,
  recordedAt: IsoInstant,
  approvedBy: Person,
  approvedAt: IsoInstant.nullable(),
  townshipBy: Person,
  townshipAt: IsoInstant.nullable(),
  rejectedBy: Person,
  rejectReason: z.string().nullable(),
  postedAt: IsoInstant.nullable(),
  vouchers: z.array(FundVoucher),
  /** What the caller may do to it now. */
  actions: z.array(z.enum([...FUND_DECISIONS, 'reverse', 'voucher'])),
  version: Version,
});
export type FundEntry = z.infer<typeof FundEntry>;

export const FundEntryQuery = Paging.extend({
  placeId: IdParam.optional(),
  accountId: IdParam.optional(),
  status: z.enum(FUND_ENTRY_STATUSES).optional(),
  direction: z.enum(FUND_DIRECTIONS).optional(),
  category: z.enum(FUND_CATEGORIES).optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  /** Only entries the caller may decide now. */
  toDecide: z.enum(['true', 'false']).optional(),
});
export type FundEntryQuery = z.infer<typeof FundEntryQuery>;
export type FundEntryQueryInput = z.input<typeof FundEntryQuery>;

export const FundEntryPage = pageOf(FundEntry);
export type FundEntryPage = z.infer<typeof FundEntryPage>;

export const FundEntryDecide = z.object({
  action: z.enum(FUND_DECISIONS),
  version: Version,
  reason: z.string().trim().max(200).optional(),
  decisionRef: z.string().trim().max(128).optional(),
});
export type FundEntryDecide = z.infer<typeof FundEntryDecide>;

export const FundEntryReverse = z.object({
  version: Version,
  summary: z.string().trim().min(1).max(200),
  occurredOn: IsoDay,
});
export type FundEntryReverse = z.infer<typeof FundEntryReverse>;

export const FundMonthParams = z.object({ id: IdParam, month: IsoMonth });
export type FundMonthParams = z.infer<typeof FundMonthParams>;

export const FundStatement = z.object({
  accountId: Id,
  month: IsoMonth,
  openingFen: Fen,
  incomeFen: Fen,
  expenseFen: Fen,
  closingFen: Fen,
  closed: z.boolean(),
  entries: z.array(FundEntry),
});
export type FundStatement = z.infer<typeof FundStatement>;

export const FundClose = z.object({ month: IsoMonth });
export type FundClose = z.infer<typeof FundClose>;

export const FundBudgetSet = z.object({
  placeId: IdParam,
  year: z.number().int().min(2000).max(2100),
  category: z.enum(FUND_CATEGORIES),
  amountFen: z.number().int().min(0).max(100_000_000_000),
});
export type FundBudgetSet = z.infer<typeof FundBudgetSet>;

export const FundExecutionQuery = z.object({
  placeId: IdParam,
  year: z.coerce.number().int().min(2000).max(2100),
});
export type FundExecutionQuery = z.infer<typeof FundExecutionQuery>;

export const FundExecution = z.object({
  placeId: Id,
  year: z.number().int(),
  rows: z.array(
    z.object({
      category: z.enum(FUND_CATEGORIES),
      budgetFen: Fen,
      spentFen: Fen,
      receivedFen: Fen,
      /** Spent over budget, in per cent to one decimal; null without a budget. */
      executionPct: z.number().nullable(),
    }),
  ),
});
export type FundExecution = z.infer<typeof FundExecution>;
