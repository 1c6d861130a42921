import type { AnnouncementKind, ProcedureRules } from '@anju/contracts';
import type { Database, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { assertCaseVisible } from './cases.policy.ts';
import { announcementsOf } from './notice.repo.ts';
import {
  NOTICE_LANGS,
  renderAnnouncement,
  type NoticeFacts,
  type NoticeLang,
  type NoticePeriod,
} from './notice.ts';
import { noticeOf, publicFacts } from './notice.service.ts';

/** A result announcement as archived with the county's approval: what it printed, in both languages. */
export interface Announcement {
  kind: AnnouncementKind;
  on: string;
  notice: NoticePeriod;
  facts: Record<NoticeLang, NoticeFacts>;
}

/** The announcement of a case the county has just approved, dated `on`, built as its notice was (same policy). */
export async function announcementOf(
  tx: Tx,
  caseId: number,
  kind: AnnouncementKind,
  rules: ProcedureRules,
  on: string,
): Promise<Announcement> {
  const facts = {} as Record<NoticeLang, NoticeFacts>;
  let notice: NoticePeriod | null = null;
  for (const lang of NOTICE_LANGS) {
    const built = await publicFacts(tx, caseId, lang, rules);
    facts[lang] = built.facts(kind);
    notice = noticeOf(built.row!);
  }
  const { from, until, days } = notice!;
  return { kind, on, notice: { from, until, days }, facts };
}

/**
 * The archived result announcement of a case (the latest of `kind`), printed from what was archived
 * at the approval, never from today's records; 409 while none is published. Audited.
 */
export async function caseAnnouncement(
  database: Database,
  ctx: Ctx,
  id: number,
  kind: AnnouncementKind,
  lang: NoticeLang,
): Promise<string> {
  const found = await announcementsOf(database.db, id);
  assertCaseVisible(ctx.actor, found);
  const a = found.announcements.filter((x) => x.kind === kind).at(-1);
  if (!a)
    throw conflict('no result announcement has been published for this case', [
      { field: 'kind', reason: 'not published' },
    ]);
  await audit(database.db, ctx, {
    action: 'monitoring.announcement',
    targetType: 'monitoring_case',
    targetId: id,
    detail: { lang, kind, on: a.on },
  });
  return renderAnnouncement(a.facts[lang], a.notice, a.on, lang);
}
