import type { NoticeColumn, ProcedureRules } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { procedureAt, procedureById } from '../monitoring/procedure.service.ts';
import { assertCaseVisible } from './cases.policy.ts';
import { renderNotice, type NoticeFacts, type NoticeLang, type NoticePeriod } from './notice.ts';
import { noticeFacts, type NoticeRow } from './notice.repo.ts';

const NOTICE_STEPS = ['community_review', 'elimination_community'];
const DAY_MS = 86_400_000;

/** Whole days from the first to the last day of a period, both counted. */
export const daysOf = (from: string, until: string) =>
  Math.round((Date.parse(until) - Date.parse(from)) / DAY_MS) + 1;

/** The rules of the policy a case runs under (the one in force where it is, for a case opened before policies). */
export const rulesOf = async (conn: Conn, r: Pick<NoticeRow, 'procedure_policy_id' | 'residence_path'>) =>
  (r.procedure_policy_id
    ? await procedureById(conn, r.procedure_policy_id)
    : await procedureAt(conn, r.residence_path)
  ).rules;

/** What of a case's facts reaches a notice under `rules`: the whitelist, the policy's columns, shown risk types. */
export async function publicFacts(
  conn: Conn,
  id: number,
  lang: NoticeLang,
  rules: Pick<ProcedureRules, 'notice'> | null,
): Promise<{ row: NoticeRow | undefined; facts: (p: NoticeFacts['proposal']) => NoticeFacts }> {
  const row = await noticeFacts(conn, id, lang, rules?.notice.hiddenRiskTypes ?? []);
  const columns: NoticeColumn[] = rules?.notice.columns ?? [];
  return {
    row,
    facts: (proposal) => ({
      communityName: row!.community_name,
      headName: row!.head_name,
      householdSize: row!.member_count,
      category: row!.category ?? '',
      riskTypes: row!.risk_types,
      proposal,
      columns,
    }),
  };
}

/** The notice running now, or the last one published once the case moved on; null while none is. */
export function noticeOf(r: NoticeRow): (NoticePeriod & { step: string }) | null {
  if (NOTICE_STEPS.includes(r.step))
    return r.notice_from && r.notice_until
      ? {
          from: r.notice_from,
          until: r.notice_until,
          days: daysOf(r.notice_from, r.notice_until),
          step: r.step,
        }
      : null;
  const last = r.last_notice;
  if (!last) return null;
  const days = last.noticeDays ?? daysOf(last.noticeFrom, last.noticeUntil);
  return { from: last.noticeFrom, until: last.noticeUntil, days, step: last.step };
}

/**
 * The case's public notice: the one running now, or the last one published once the case moved on
 * (409 while none is). Built from the columns of `noticeFacts` only, as the region's policy prints
 * them; audited.
 */
export async function caseNotice(
  database: Database,
  ctx: Ctx,
  id: number,
  lang: NoticeLang,
): Promise<string> {
  const conn = database.db;
  const first = await publicFacts(conn, id, lang, null);
  assertCaseVisible(ctx.actor, first.row);
  const { row, facts } = await publicFacts(conn, id, lang, await rulesOf(conn, first.row));
  const notice = noticeOf(row!);
  if (!notice)
    throw conflict('no notice has been published for this case', [
      { field: 'notice', reason: 'not published' },
    ]);
  await audit(conn, ctx, {
    action: 'monitoring.notice',
    targetType: 'monitoring_case',
    targetId: id,
    detail: { lang, from: notice.from },
  });
  const proposal = notice.step === 'elimination_community' ? 'elimination' : 'identification';
  return renderNotice(facts(proposal), notice, lang);
}
