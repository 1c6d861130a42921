import { FUND_ACCOUNT_KINDS } from '@anju/contracts';
import { sql } from 'drizzle-orm';
import { defineSeeder } from './registry.ts';

const ACCOUNT_NAMES: Record<string, string> = {
  collective: '集体资金',
  party_mass_service: '党群服务中心经费',
  public_welfare: '公益金',
  grant: '上级拨款',
  donation: '社会捐赠',
};

/** What a month brings in: the account kind, category, amount in fen and summary. */
const INCOME = [
  ['grant', 'grant_income', 3_000_000, '街道拨付社区工作经费'],
  ['party_mass_service', 'grant_income', 800_000, '党群服务中心运行经费'],
  ['donation', 'donation_income', 150_000, '爱心企业捐赠'],
] as const;

/** What a month spends: the account kind, category, amount in fen and summary. */
const EXPENSE = [
  ['grant', 'office', 180_000, '购买办公用品'],
  ['grant', 'maintenance', 420_000, '小区路灯维修'],
  ['grant', 'service', 260_000, '便民服务站水电费'],
  ['party_mass_service', 'party_building', 300_000, '主题党日活动'],
  ['party_mass_service', 'activity', 350_000, '重阳节敬老活动'],
  ['donation', 'assistance', 120_000, '困难家庭临时救助'],
] as const;

const values = (rows: readonly (readonly (string | number)[])[]) =>
  sql.join(
    rows.map((r, k) => sql`(${k}::int, ${r[0]}::text, ${r[1]}::text, ${r[2]}::bigint, ${r[3]}::text)`),
    sql`, `,
  );

/**
 * The funds of every community for the last twelve months: five accounts, this year's budgets, a
 * month's grants and spending recorded by the community staff and approved by the party secretary
 * (large ones by the township too), every month before last closed, and a few entries of this month
 * still waiting for approval.
 */
export const fundsSeeder = defineSeeder({
  name: 'funds',
  dependsOn: ['places', 'demo-accounts'],
  async run(ctx) {
    const { database, places } = ctx;
    if (places.communities.length === 0) return;
    const ids = places.communities.map((c) => c.id);
    const list = sql.raw(ids.join(','));
    await database.db.execute(
      sql`INSERT INTO fund_accounts (place_id, place_path, kind, name)
          SELECT p.id, p.path, k.kind, k.name FROM places p
          CROSS JOIN (VALUES ${sql.join(
            FUND_ACCOUNT_KINDS.map((k) => sql`(${k}, ${ACCOUNT_NAMES[k]})`),
            sql`, `,
          )}) AS k(kind, name)
          WHERE p.id IN (${list}) ON CONFLICT DO NOTHING`,
    );
    await database.db.execute(
      sql`INSERT INTO fund_budgets (place_id, place_path, year, category, amount_fen)
          SELECT p.id, p.path, extract(year FROM now())::int, b.category, b.amount FROM places p
          CROSS JOIN (VALUES ('office', 2400000::bigint), ('maintenance', 5000000), ('service', 3000000),
                             ('party_building', 3600000), ('activity', 4000000), ('assistance', 1500000)) AS b(category, amount)
          WHERE p.id IN (${list}) ON CONFLICT DO NOTHING`,
    );
    const [users] = await database.query<{ staff: number; secretary: number; township: number | null }>(
      `SELECT (SELECT id FROM users WHERE username = 'community_staff')::int AS staff,
                (SELECT id FROM users WHERE username = 'party_secretary')::int AS secretary,
                (SELECT id FROM users WHERE username = 'township_officer')::int AS township`,
    );
    if (!users?.staff || !users.secretary) return;
    // months 11 … 0 back; within a month each row falls on its own day, never after today
    await database.db.execute(
      sql`WITH m AS (SELECT g AS back, (date_trunc('month', now()) - make_interval(months => g))::date AS first
                       FROM generate_series(0, 11) g),
               inc(k, kind, category, amount, summary) AS (VALUES ${values(INCOME)}),
               exp(k, kind, category, amount, summary) AS (VALUES ${values(EXPENSE)}),
               rows AS (
                 SELECT 'income' AS direction, inc.kind, inc.category, inc.amount, inc.summary, m.back, m.first, 1 + inc.k AS day
                   FROM m CROSS JOIN inc
                 UNION ALL
                 SELECT 'expense', exp.kind, exp.category, exp.amount, exp.summary, m.back, m.first, 6 + exp.k * 3
                   FROM m CROSS JOIN exp)
          INSERT INTO fund_entries (account_id, place_path, direction, amount_fen, category, occurred_on, summary,
                                    counterparty, decision_ref, recorded_by, recorded_at)
          SELECT a.id, a.place_path, r.direction,
                 r.amount + ((a.id * 37 + r.back * 11 + r.day) % 20) * 1000,
                 r.category, LEAST(r.first + (r.day - 1), current_date), r.summary, '',
                 CASE WHEN r.amount > 500000 AND r.direction = 'expense' THEN '居民代表会议决议' ELSE '' END,
                 ${users.staff}, LEAST(r.first + (r.day - 1), current_date)::timestamptz
            FROM rows r JOIN fund_accounts a ON a.kind = r.kind AND a.place_id IN (${list})
           ORDER BY r.first, r.day, a.id`,
    );
    // everything is approved but the last few days' expenses, which wait in the approvals list
    await database.db.execute(
      sql`UPDATE fund_entries e
             SET approved_by = ${users.secretary}, approved_at = e.recorded_at + interval '1 day',
                 township_by = CASE WHEN e.amount_fen > 500000 AND e.decision_ref = '' THEN ${users.township ?? null}::bigint END,
                 township_at = CASE WHEN e.amount_fen > 500000 AND e.decision_ref = '' THEN e.recorded_at + interval '2 days' END,
                 status = 'posted', posted_at = e.recorded_at + interval '2 days', version = 2
            FROM fund_accounts a
           WHERE a.id = e.account_id AND a.place_id IN (${list}) AND e.status = 'pending'
             AND NOT (e.direction = 'expense' AND e.occurred_on > current_date - 5)`,
    );
    for (let back = 11; back >= 2; back--)
      await database.db.execute(
        sql`WITH mo AS (SELECT (date_trunc('month', now()) - make_interval(months => ${back}::int))::date AS first)
            INSERT INTO fund_closes (account_id, month, opening_fen, income_fen, expense_fen, closing_fen, closed_by)
            SELECT a.id, mo.first, f.opening, f.income, f.expense, f.opening + f.income - f.expense, ${users.staff}
              FROM fund_accounts a CROSS JOIN mo
              CROSS JOIN LATERAL (
                SELECT COALESCE(sum(CASE WHEN e.occurred_on < mo.first THEN
                         CASE WHEN e.direction = 'income' THEN e.amount_fen ELSE -e.amount_fen END END), 0) AS opening,
                       COALESCE(sum(e.amount_fen) FILTER (WHERE e.occurred_on >= mo.first AND e.direction = 'income'), 0) AS income,
                       COALESCE(sum(e.amount_fen) FILTER (WHERE e.occurred_on >= mo.first AND e.direction = 'expense'), 0) AS expense
                  FROM fund_entries e
                 WHERE e.account_id = a.id AND e.status = 'posted'
                   AND e.occurred_on < (mo.first + interval '1 month')::date) f
             WHERE a.place_id IN (${list})
            ON CONFLICT DO NOTHING`,
      );
    ctx.log(`funds: ${ids.length * FUND_ACCOUNT_KINDS.length} accounts with twelve months of entries`);
  },
});
