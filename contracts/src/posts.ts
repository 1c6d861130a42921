import { z } from 'zod';
import { Id, IdParam, IsoDay, pageOf, Paging, Version } from './common.ts';
import { DictionaryEntry } from './registry.ts';

/** Why a holding of a public-welfare post ended. */
export const POST_END_REASONS = [
  'moved_out',
  'deceased',
  'found_other_work',
  'no_longer_eligible',
  'resigned',
] as const;
export type PostEndReason = (typeof POST_END_REASONS)[number];

/**
 * Why a holder should exit: died or moved out per the registry, holds another current job, no longer
 * of the labour force, the post's term is over, or their employment record of the post was ended.
 */
export const SHOULD_EXIT_REASONS = [
  'deceased',
  'moved_out',
  'other_job',
  'not_labour',
  'term_ended',
  'record_ended',
] as const;
export type ShouldExitReason = (typeof SHOULD_EXIT_REASONS)[number];

/** A month, `YYYY-MM`. */
export const Month = z.string().regex(/^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export type Month = z.infer<typeof Month>;

/** The days of a month `YYYY-MM`. */
export const daysInMonth = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** A name as payroll lists show it: the family name and the last character, the rest starred (王*明, 李*). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * A month's subsidy, pro-rata by attendance: the monthly subsidy × days worked ÷ days of the month,
 * in yuan to the fen; nothing without attendance.
 */
export const payFor = (monthlySubsidy: number, daysWorked: number | null, month: string) =>
  daysWorked === null ? 0 : Math.round((monthlySubsidy * daysWorked * 100) / daysInMonth(month)) / 100;

const PostType = z.string().regex(/^[a-z_]{1,32}$/, 'not a post type');
const Subsidy = z.number().min(0, 'must not be negative').max(100_000);
const Title = z.string().trim().min(1).max(128);

export const PostCreate = z.object({
  /** The community the post belongs to. */
  placeId: IdParam,
  postType: PostType,
  title: Title,
  termStart: IsoDay,
  termEnd: IsoDay,
  monthlySubsidy: Subsidy,
});
export type PostCreate = z.infer<typeof PostCreate>;
export type PostCreateInput = z.input<typeof PostCreate>;

/** A change from the version read; a new subsidy is the current holder's wage from then on. */
export const PostUpdate = z.object({
  postType: PostType.optional(),
  title: Title.optional(),
  termStart: IsoDay.optional(),
  termEnd: IsoDay.optional(),
  monthlySubsidy: Subsidy.optional(),
  version: Version,
});
export type PostUpdate = z.infer<typeof PostUpdate>;

/** Puts a person on a vacant post from `startOn`; `version` is the post's. */
export const HolderAssign = z.object({ personId: IdParam, startOn: IsoDay, version: Version });
export type HolderAssign = z.infer<typeof HolderAssign>;
export type HolderAssignInput = z.input<typeof HolderAssign>;

/** Ends a holding from the version read. */
export const HoldingEnd = z.object({
  endOn: IsoDay,
  reason: z.enum(POST_END_REASONS),
  version: Version,
});
export type HoldingEnd = z.infer<typeof HoldingEnd>;

export const Holding = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  householdId: Id,
  startOn: z.string(),
  endOn: z.string().nullable(),
  endReason: z.enum(POST_END_REASONS).nullable(),
  /** For the open holding: why the holder should exit, empty when nothing changed. */
  shouldExit: z.array(z.enum(SHOULD_EXIT_REASONS)),
  version: z.number().int(),
});
export type Holding = z.infer<typeof Holding>;

export const Post = z.object({
  id: Id,
  placeId: Id,
  placeName: z.string(),
  postType: z.string(),
  title: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  monthlySubsidy: z.number(),
  holder: Holding.nullable(),
  version: z.number().int(),
});
export type Post = z.infer<typeof Post>;

export const PostDetail = Post.extend({
  /** Every holding, newest first, the open one included. */
  holdings: z.array(Holding),
  /** The caller keeps the post: may change it, assign and end holders, enter attendance. */
  mayKeep: z.boolean(),
});
export type PostDetail = z.infer<typeof PostDetail>;

export const PostQuery = Paging.extend({
  placeId: IdParam.optional(),
  postType: PostType.optional(),
  status: z.enum(['vacant', 'held', 'should_exit']).optional(),
  q: z.string().trim().max(64).optional(),
});
export type PostQuery = z.infer<typeof PostQuery>;
export type PostQueryInput = z.input<typeof PostQuery>;
export const PostPage = pageOf(Post);
export type PostPage = z.infer<typeof PostPage>;

export const PostTypes = z.array(DictionaryEntry);
export type PostTypes = z.infer<typeof PostTypes>;

export const MonthQuery = z.object({ month: Month });
export type MonthQuery = z.infer<typeof MonthQuery>;

/** A holder's attendance in a month: the days they held the post then, and the days worked once entered. */
export const PostAttendanceRow = z.object({
  holdingId: Id,
  name: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  daysHeld: z.number().int(),
  daysWorked: z.number().int().nullable(),
  /** Absent until entered. */
  version: z.number().int().nullable(),
});
export type PostAttendanceRow = z.infer<typeof PostAttendanceRow>;

export const PostAttendanceMonth = z.object({
  month: z.string(),
  daysInMonth: z.number().int(),
  rows: z.array(PostAttendanceRow),
});
export type PostAttendanceMonth = z.infer<typeof PostAttendanceMonth>;

/** Days a holder worked in a month; `version` absent when first entered. */
export const PostAttendanceInput = z.object({
  month: Month,
  daysWorked: z.number().int().min(0, 'must not be negative'),
  version: Version.optional(),
});
export type PostAttendanceInput = z.infer<typeof PostAttendanceInput>;

export const PayrollQuery = z.object({ month: Month, placeId: IdParam.optional() });
export type PayrollQuery = z.infer<typeof PayrollQuery>;
export type PayrollQueryInput = z.input<typeof PayrollQuery>;

/** One line of a month's payroll: the holder by masked name only. */
export const PayrollRow = z.object({
  postId: Id,
  placeName: z.string(),
  title: z.string(),
  postType: z.string(),
  maskedName: z.string(),
  daysWorked: z.number().int().nullable(),
  monthlySubsidy: z.number(),
  amount: z.number(),
});
export type PayrollRow = z.infer<typeof PayrollRow>;

export const Payroll = z.object({
  month: z.string(),
  daysInMonth: z.number().int(),
  rows: z.array(PayrollRow),
  total: z.number(),
});
export type Payroll = z.infer<typeof Payroll>;
