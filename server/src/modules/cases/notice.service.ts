import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { assertCaseVisible } from './cases.policy.ts';
import { renderNotice, type NoticeLang } from './notice.ts';
import { noticeFacts } from './notice.repo.ts';

const NOTICE_STEPS = ['community_review', 'elimination_community'];

/**
 * The case's public notice: the one running now, or the last one published once the case moved on
 * (409 while none is). Built from the columns of `noticeFacts` only; audited.
 */
export async function caseNotice(
  database: Database,
  ctx: Ctx,
  id: number,
  lang: NoticeLang,
): Promise<string> {
  const r = await noticeFacts(database.db, id, lang);
  assertCaseVisible(ctx.actor, r);
  const current = NOTICE_STEPS.includes(r.step);
  const notice =
    current && r.notice_from && r.notice_until
      ? { from: r.notice_from, until: r.notice_until, step: r.step }
      : !current && r.last_notice
        ? { from: r.last_notice.noticeFrom, until: r.last_notice.noticeUntil, step: r.last_notice.step }
        : null;
  if (!notice)
    throw conflict('no notice has been published for this case', [
      { field: 'notice', reason: 'not published' },
    ]);
  await audit(database.db, ctx, {
    action: 'monitoring.notice',
    targetType: 'monitoring_case',
    targetId: id,
    detail: { lang, from: notice.from },
  });
  return renderNotice(
    {
      communityName: r.community_name,
      headName: r.head_name,
      householdSize: r.member_count,
      category: r.category ?? '',
      riskTypes: r.risk_types,
      proposal: notice.step === 'elimination_community' ? 'elimination' : 'identification',
      from: notice.from,
      until: notice.until,
    },
    lang,
  );
}
