import type { Readable } from 'node:stream';
import {
  daysInMonth,
  maskName,
  payFor,
  type PostAttendanceInput,
  type PostAttendanceMonth,
  type Payroll,
  type PayrollQuery,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, invalid } from '../../platform/errors.ts';
import { xlsxStream } from '../../platform/files/tabular.ts';
import { placeById } from '../places/places.service.ts';
import { postTypes } from './posts.service.ts';
import { assertPostVisible, mayKeepPost, postScope, postsUnder } from './posts.policy.ts';
import * as repo from './posts.repo.ts';
import { today } from './zero.service.ts';

/** The first and last day of a month `YYYY-MM`. */
const bounds = (month: string) => ({
  from: `${month}-01`,
  to: `${month}-${String(daysInMonth(month)).padStart(2, '0')}`,
});

const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** The holders of a post in a month, the days each held it then and the attendance entered. */
export async function attendance(database: Database, ctx: Ctx, postId: number, month: string) {
  const post = await repo.findPost(database.db, postId);
  assertPostVisible(ctx.actor, post);
  const { from, to } = bounds(month);
  const rows = await repo.attendanceOf(database.db, postId, from, to);
  return {
    month,
    daysInMonth: daysInMonth(month),
    rows: rows.map((r) => ({
      holdingId: String(r.holding_id),
      name: r.name,
      startOn: r.start_on,
      endOn: r.end_on,
      daysHeld: r.days_held,
      daysWorked: r.days_worked,
      version: r.version,
    })),
  } satisfies PostAttendanceMonth;
}

/**
 * Enters or changes the days a holder worked in a month (409 when stale): no more than the days of
 * the month, nor than the days they held the post in it.
 */
export async function saveAttendance(
  database: Database,
  ctx: Ctx,
  holdingId: number,
  input: PostAttendanceInput,
) {
  const days = daysInMonth(input.month);
  if (input.daysWorked > days)
    throw invalid('daysWorked', 'more than the {{days}} days of the month', { days });
  const { from, to } = bounds(input.month);
  const postId = await database.db.transaction(async (tx) => {
    const holding = await repo.findHolding(tx, holdingId, today());
    const post = holding && (await repo.findPost(tx, Number(holding.post_id)));
    assertPostVisible(ctx.actor, post || undefined);
    if (!mayKeepPost(ctx.actor, post!.place_path)) throw forbidden();
    const start = Math.max(dayNo(holding!.start_on), dayNo(from));
    const end = Math.min(holding!.end_on ? dayNo(holding!.end_on) : dayNo(to), dayNo(to));
    const held = end - start + 1;
    if (held <= 0) throw invalid('month', 'the holder did not hold the post that month');
    if (input.daysWorked > held)
      throw invalid('daysWorked', 'more than the {{days}} days the post was held that month', { days: held });
    const saved = await repo.saveAttendance(tx, {
      holdingId,
      month: from,
      daysWorked: input.daysWorked,
      version: input.version,
      userId: ctx.actor.userId,
    });
    if (!saved)
      throw new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);
    await audit(tx, ctx, {
      action: 'employment.post_attendance',
      targetType: 'public_welfare_post',
      targetId: Number(post!.id),
      detail: { holdingId, month: input.month, daysWorked: input.daysWorked },
    });
    return Number(post!.id);
  });
  return attendance(database, ctx, postId, input.month);
}

/**
 * A month's payroll of the posts in scope (optionally under one place): every holder of the month by
 * masked name, the days worked and the subsidy pro-rata by attendance (`payFor`).
 */
export async function payroll(database: Database, ctx: Ctx, q: PayrollQuery): Promise<Payroll> {
  const place = q.placeId === undefined ? undefined : await placeById(database.db, q.placeId);
  const under = q.placeId === undefined ? undefined : postsUnder(place?.path);
  const { from, to } = bounds(q.month);
  const rows = (await repo.payroll(database.db, postScope(ctx.actor), under, from, to)).map((r) => ({
    postId: String(r.post_id),
    placeName: r.place_name,
    title: r.title,
    postType: r.post_type,
    maskedName: maskName(r.name),
    daysWorked: r.days_worked,
    monthlySubsidy: Number(r.monthly_subsidy),
    amount: payFor(Number(r.monthly_subsidy), r.days_worked, q.month),
  }));
  const total = Math.round(rows.reduce((s, r) => s + r.amount * 100, 0)) / 100;
  return { month: q.month, daysInMonth: daysInMonth(q.month), rows, total };
}

/** The month's payroll as an .xlsx workbook with masked names only; audited as an export. */
export async function payrollXlsx(database: Database, ctx: Ctx, q: PayrollQuery): Promise<Readable> {
  const list = await payroll(database, ctx, q);
  await audit(database.db, ctx, {
    action: 'employment.post_payroll_export',
    targetType: 'public_welfare_post',
    detail: { month: q.month, placeId: q.placeId ?? null, rows: list.rows.length },
  });
  const labels = new Map((await postTypes(database)).map((d) => [d.code, d.labelZh]));
  type Row = Payroll['rows'][number];
  return xlsxStream<Row>(
    `${q.month} 公益性岗位补贴`,
    [
      { header: '社区', value: (r) => r.placeName, width: 20 },
      { header: '岗位', value: (r) => r.title, width: 20 },
      { header: '岗位类型', value: (r) => labels.get(r.postType) ?? r.postType, width: 12 },
      { header: '姓名', value: (r) => r.maskedName, width: 10 },
      { header: `出勤天数（当月 ${list.daysInMonth} 天）`, value: (r) => r.daysWorked, width: 18 },
      { header: '月补贴标准（元）', value: (r) => r.monthlySubsidy, width: 16 },
      { header: '应发补贴（元，按出勤折算）', value: (r) => r.amount, width: 24 },
    ],
    (async function* () {
      yield list.rows;
    })(),
  );
}
