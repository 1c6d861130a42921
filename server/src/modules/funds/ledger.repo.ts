import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

/** An entry's amount signed as it moves the balance. */
const SIGNED = sql`CASE WHEN e.direction = 'income' THEN e.amount_fen ELSE -e.amount_fen END`;

export interface MonthFigures {
  opening_fen: string;
  income_fen: string;
  expense_fen: string;
  closing_fen: string;
}

/**
 * A month's figures of an account derived from the journal: the opening balance from the last close
 * before the month plus the entries posted between, then the month's posted income and expense.
 */
function derived(accountId: number, month: string) {
  return sql`WITH lc AS (SELECT c.month, c.closing_fen FROM fund_closes c
                          WHERE c.account_id = ${accountId} AND c.month < ${month}::date
                          ORDER BY c.month DESC LIMIT 1),
          f AS (SELECT
            COALESCE((SELECT closing_fen FROM lc), 0) + COALESCE((
              SELECT sum(${SIGNED}) FROM fund_entries e
               WHERE e.account_id = ${accountId} AND e.status = 'posted' AND e.occurred_on < ${month}::date
                 AND e.occurred_on >= COALESCE((SELECT (month + interval '1 month')::date FROM lc), '1900-01-01'::date)), 0)
              AS opening_fen,
            COALESCE(sum(e.amount_fen) FILTER (WHERE e.direction = 'income'), 0) AS income_fen,
            COALESCE(sum(e.amount_fen) FILTER (WHERE e.direction = 'expense'), 0) AS expense_fen
            FROM fund_entries e
           WHERE e.account_id = ${accountId} AND e.status = 'posted'
             AND e.occurred_on >= ${month}::date AND e.occurred_on < (${month}::date + interval '1 month')::date)`;
}

/** The figures of a month: as closed when it is, else derived from the journal. */
export async function monthFigures(conn: Conn, accountId: number, month: string) {
  const [row] = await rows<MonthFigures & { closed: boolean }>(
    conn,
    sql`SELECT c.opening_fen::text, c.income_fen::text, c.expense_fen::text, c.closing_fen::text, true AS closed
          FROM fund_closes c WHERE c.account_id = ${accountId} AND c.month = ${month}::date
        UNION ALL
        SELECT * FROM (${derived(accountId, month)}
          SELECT opening_fen::text, income_fen::text, expense_fen::text,
                 (opening_fen + income_fen - expense_fen)::text AS closing_fen, false AS closed FROM f) d
        LIMIT 1`,
  );
  return row;
}

/** The month's figures as the journal has them now, whether or not it is closed. */
export async function journalFigures(conn: Conn, accountId: number, month: string) {
  const [row] = await rows<MonthFigures>(
    conn,
    sql`${derived(accountId, month)}
        SELECT opening_fen::text, income_fen::text, expense_fen::text,
               (opening_fen + income_fen - expense_fen)::text AS closing_fen FROM f`,
  );
  return row;
}

/** Closes a month with its figures derived from the journal, in one statement; the close's id. */
export async function close(tx: Conn, accountId: number, month: string, closedBy: number) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`${derived(accountId, month)}
        INSERT INTO fund_closes (account_id, month, opening_fen, income_fen, expense_fen, closing_fen, closed_by)
        SELECT ${accountId}, ${month}::date, opening_fen, income_fen, expense_fen,
               opening_fen + income_fen - expense_fen, ${closedBy} FROM f
        RETURNING id`,
  );
  return Number(row.id);
}

/** The last closed month of an account (`YYYY-MM-01`), or null. */
export async function lastClosed(conn: Conn, accountId: number) {
  const [row] = await rows<{ month: string | null }>(
    conn,
    sql`SELECT max(month)::text AS month FROM fund_closes WHERE account_id = ${accountId}`,
  );
  return row.month;
}

/** Pending entries of an account dated before `until`. */
export async function pendingBefore(conn: Conn, accountId: number, until: string) {
  const [row] = await rows<{ n: number }>(
    conn,
    sql`SELECT count(*)::int AS n FROM fund_entries
         WHERE account_id = ${accountId} AND status = 'pending' AND occurred_on < ${until}::date`,
  );
  return row.n;
}

export async function setBudget(
  tx: Conn,
  b: { placeId: number; placePath: string; year: number; category: string; amountFen: number },
) {
  await tx.execute(
    sql`INSERT INTO fund_budgets (place_id, place_path, year, category, amount_fen)
        VALUES (${b.placeId}, ${b.placePath}, ${b.year}, ${b.category}, ${String(b.amountFen)}::bigint)
        ON CONFLICT (place_id, year, category)
        DO UPDATE SET amount_fen = EXCLUDED.amount_fen, version = fund_budgets.version + 1`,
  );
}

export interface ExecutionRow {
  category: string;
  budget_fen: string;
  spent_fen: string;
  received_fen: string;
}

/**
 * Budget execution of a community's year per category: spent is expense less the reversals of
 * expense, received is income less the reversals of income.
 */
export const execution = (conn: Conn, placeId: number, year: number) =>
  rows<ExecutionRow>(
    conn,
    sql`WITH moved AS (
          SELECT e.category,
                 sum(CASE WHEN e.direction = 'expense' AND e.reverses_id IS NULL THEN e.amount_fen
                          WHEN e.direction = 'income' AND e.reverses_id IS NOT NULL THEN -e.amount_fen ELSE 0 END) AS spent,
                 sum(CASE WHEN e.direction = 'income' AND e.reverses_id IS NULL THEN e.amount_fen
                          WHEN e.direction = 'expense' AND e.reverses_id IS NOT NULL THEN -e.amount_fen ELSE 0 END) AS received
            FROM fund_entries e JOIN fund_accounts a ON a.id = e.account_id
           WHERE a.place_id = ${placeId} AND e.status = 'posted'
             AND e.occurred_on >= make_date(${year}, 1, 1) AND e.occurred_on < make_date(${year} + 1, 1, 1)
           GROUP BY e.category),
        budget AS (SELECT category, amount_fen FROM fund_budgets WHERE place_id = ${placeId} AND year = ${year})
        SELECT COALESCE(b.category, m.category) AS category, COALESCE(b.amount_fen, 0)::text AS budget_fen,
               COALESCE(m.spent, 0)::text AS spent_fen, COALESCE(m.received, 0)::text AS received_fen
          FROM budget b FULL JOIN moved m ON m.category = b.category
         ORDER BY 1`,
  );

/** Each account of a community over [from, until): opening balance, income, expense and closing, from the journal. */
export const periodFigures = (conn: Conn, placeId: number, from: string, until: string) =>
  rows<{ name: string } & MonthFigures>(
    conn,
    sql`SELECT a.name, f.opening::text AS opening_fen, f.income::text AS income_fen, f.expense::text AS expense_fen,
               (f.opening + f.income - f.expense)::text AS closing_fen
          FROM fund_accounts a
          CROSS JOIN LATERAL (
            SELECT COALESCE(sum(CASE WHEN e.occurred_on < ${from}::date THEN ${SIGNED} END), 0) AS opening,
                   COALESCE(sum(e.amount_fen) FILTER (WHERE e.occurred_on >= ${from}::date AND e.direction = 'income'), 0) AS income,
                   COALESCE(sum(e.amount_fen) FILTER (WHERE e.occurred_on >= ${from}::date AND e.direction = 'expense'), 0) AS expense
              FROM fund_entries e
             WHERE e.account_id = a.id AND e.status = 'posted' AND e.occurred_on < ${until}::date) f
         WHERE a.place_id = ${placeId}
         ORDER BY a.kind, a.name`,
  );
