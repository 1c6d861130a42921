import { sql } from 'drizzle-orm';
import { pgArray } from '../../db/array.ts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { COMMUNITY_NAME } from './cases.sql.ts';
import type { Announcement } from './announcement.service.ts';
import type { NoticeLang } from './notice.ts';

/** The whitelist of what a notice may show, with the paths that decide who sees it. */
export interface NoticeRow {
  residence_path: string;
  origin_path: string | null;
  procedure_policy_id: number | null;
  step: string;
  community_name: string;
  head_name: string;
  member_count: number;
  category: string | null;
  risk_types: string[];
  notice_from: string | null;
  notice_until: string | null;
  last_notice: { noticeFrom: string; noticeUntil: string; noticeDays?: number; step: string } | null;
}

/** A case's notice facts, labels in `lang` without the `hidden` risk types, with the last notice it published. */
export async function noticeFacts(
  conn: Conn,
  id: number,
  lang: NoticeLang,
  hidden: string[],
): Promise<NoticeRow | undefined> {
  const label = lang === 'en-US' ? sql.raw('d.label_en') : sql.raw('d.label_zh');
  const [r] = await rows<NoticeRow>(
    conn,
    sql`SELECT c.residence_path, c.origin_path, c.procedure_policy_id, c.step, h.head_name, h.member_count,
               ${COMMUNITY_NAME} AS community_name,
               (SELECT ${label} FROM dictionary_entries d
                 WHERE d.kind = 'monitoring_category' AND d.code = c.category) AS category,
               ARRAY(SELECT ${label} FROM dictionary_entries d
                      WHERE d.kind = 'risk_type' AND d.code = ANY(c.risk_types)
                        AND NOT d.code = ANY(${pgArray(hidden)}::text[]) ORDER BY d.sort) AS risk_types,
               to_char(c.notice_from, 'YYYY-MM-DD') AS notice_from,
               to_char(c.notice_until, 'YYYY-MM-DD') AS notice_until,
               (SELECT e.data || jsonb_build_object('step', e.from_step) FROM monitoring_case_events e
                 WHERE e.case_id = c.id AND e.action = 'publish_notice' ORDER BY e.id DESC LIMIT 1) AS last_notice
          FROM monitoring_cases c JOIN households h ON h.id = c.household_id
         WHERE c.id = ${id}`,
  );
  return r;
}

/** A case's paths with its archived result announcements, oldest first. */
export async function announcementsOf(conn: Conn, id: number) {
  const [r] = await rows<{
    residence_path: string;
    origin_path: string | null;
    announcements: Announcement[];
  }>(
    conn,
    sql`SELECT c.residence_path, c.origin_path,
               ARRAY(SELECT e.data -> 'announcement' FROM monitoring_case_events e
                      WHERE e.case_id = c.id AND e.data ? 'announcement' ORDER BY e.id) AS announcements
          FROM monitoring_cases c WHERE c.id = ${id}`,
  );
  return r;
}
