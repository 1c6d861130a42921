import { sql } from 'drizzle-orm';

export interface AccountRow {
  id: number;
  place_id: number;
  place_path: string;
  place_name: string;
  kind: string;
  name: string;
  balance_fen: string;
  pending_count: number;
  last_closed: string | null;
  version: number;
}

/**
 * An account (`a`) with its balance derived from the journal: its last close's closing balance plus the
 * entries posted after that month (the month-close trigger keeps later postings out of closed months).
 */
export const ACCOUNT_SELECT = sql`SELECT a.id, a.place_id, a.place_path, pl.name AS place_name, a.kind, a.name, a.version,
       (COALESCE(lc.closing_fen, 0) + COALESCE((
          SELECT sum(CASE WHEN e.direction = 'income' THEN e.amount_fen ELSE -e.amount_fen END)
            FROM fund_entries e
           WHERE e.account_id = a.id AND e.status = 'posted'
             AND (lc.month IS NULL OR e.occurred_on >= (lc.month + interval '1 month')::date)), 0))::text AS balance_fen,
       (SELECT count(*)::int FROM fund_entries e WHERE e.account_id = a.id AND e.status = 'pending') AS pending_count,
       to_char(lc.month, 'YYYY-MM') AS last_closed
  FROM fund_accounts a
  JOIN places pl ON pl.id = a.place_id
  LEFT JOIN LATERAL (SELECT c.month, c.closing_fen FROM fund_closes c
                      WHERE c.account_id = a.id ORDER BY c.month DESC LIMIT 1) lc ON true`;

export interface EntryRow {
  id: number;
  account_id: number;
  account_name: string;
  place_name: string;
  place_path: string;
  direction: string;
  amount_fen: string;
  category: string;
  occurred_on: string;
  summary: string;
  counterparty: string;
  decision_ref: string;
  reverses_id: number | null;
  reversed_by_id: number | null;
  status: string;
  recorded_by: number;
  recorded_name: string;
  recorded_at: string | Date;
  approved_by: number | null;
  approved_name: string | null;
  approved_at: string | Date | null;
  township_by: number | null;
  township_name: string | null;
  township_at: string | Date | null;
  rejected_by: number | null;
  rejected_name: string | null;
  reject_reason: string | null;
  posted_at: string | Date | null;
  vouchers: { id: number; content_type: string; size: number }[];
  version: number;
}

/** An entry (`e`) with its account, community, the people who recorded and decided it, and its vouchers. */
export const ENTRY_SELECT = sql`SELECT e.id, e.account_id, a.name AS account_name, pl.name AS place_name, e.place_path,
       e.direction, e.amount_fen::text AS amount_fen, e.category, e.occurred_on::text AS occurred_on, e.summary,
       e.counterparty, e.decision_ref, e.reverses_id,
       (SELECT r.id FROM fund_entries r WHERE r.reverses_id = e.id AND r.status <> 'rejected' LIMIT 1) AS reversed_by_id,
       e.status, e.recorded_by, ru.display_name AS recorded_name, e.recorded_at,
       e.approved_by, au.display_name AS approved_name, e.approved_at,
       e.township_by, tu.display_name AS township_name, e.township_at,
       e.rejected_by, xu.display_name AS rejected_name, e.reject_reason, e.posted_at,
       COALESCE((SELECT json_agg(json_build_object('id', v.id, 'content_type', v.content_type, 'size', v.size) ORDER BY v.id)
                   FROM fund_vouchers v WHERE v.entry_id = e.id), '[]'::json) AS vouchers,
       e.version
  FROM fund_entries e
  JOIN fund_accounts a ON a.id = e.account_id
  JOIN places pl ON pl.id = a.place_id
  JOIN users ru ON ru.id = e.recorded_by
  LEFT JOIN users au ON au.id = e.approved_by
  LEFT JOIN users tu ON tu.id = e.township_by
  LEFT JOIN users xu ON xu.id = e.rejected_by`;
