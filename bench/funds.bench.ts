// `npm run bench -- funds [--entries 1000000] [--accounts 50] [--names 10000] [--samples 400] [--reuse]`:
// (a) an account's balance and (b) a month's statement (the funds service, as GET /api/funds/accounts/:id and
// GET …/statements/:month compute them) over a journal of `entries` posted entries with every month before
// last closed, and (c) the public board of a community whose subsidy list has `names` rows
// (GET /api/public/disclosures/:code through the API, one request at a time), each beside the same figure
// read by hand-written SQL in the same run; targets p95 < 50 ms. The public board's target at 64
// connections against a bare handler is not measured here yet.
import { randomInt } from 'node:crypto';
import type { Role } from '@anju/contracts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/client.ts';
import * as funds from '../server/src/modules/funds/funds.service.ts';
import * as ledger from '../server/src/modules/funds/ledger.service.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_funds';

/** A community with `accounts` accounts, `entries` posted entries over two years, closes up to two months ago, a published list. */
async function fill(database: Database, accounts: number, entries: number, names: number) {
  const [place] = await database.query<{ id: number }>(
    `INSERT INTO places (level, code, name, initials, path, depth) VALUES ('community', 'bench-funds', '基准社区', '', '/', 0)
     RETURNING id::int8 AS id`,
  );
  await database.query(`UPDATE places SET path = '/' || id || '/' WHERE id = $1`, [place.id]);
  const path = `/${place.id}/`;
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench_funds', '记账', 'x', '{community_staff}'),
            ('bench_funds_2', '审批', 'x', '{community_staff}') RETURNING id::int8 AS id`,
  );
  await database.query(
    `INSERT INTO fund_accounts (place_id, place_path, kind, name)
     SELECT $1, $2, 'collective', '账户' || i FROM generate_series(1, $3) i`,
    [place.id, path, accounts],
  );
  await database.query(
    `INSERT INTO fund_entries (account_id, place_path, direction, amount_fen, category, occurred_on, summary, recorded_by)
     SELECT a.id, $1, CASE WHEN i % 3 = 0 THEN 'income' ELSE 'expense' END,
            CASE WHEN i % 3 = 0 THEN 30000 ELSE 10000 END + i % 997, 'other',
            current_date - (i % 720), '摘要' || i, $2
       FROM generate_series(1, $3) i
       JOIN fund_accounts a ON a.name = '账户' || (1 + i % $4)`,
    [path, user.id, entries, accounts],
  );
  await database.query(
    `UPDATE fund_entries SET approved_by = $1 + 1, approved_at = now(), status = 'posted', posted_at = now()`,
    [user.id],
  );
  for (let back = 24; back >= 2; back--)
    await database.query(
      `INSERT INTO fund_closes (account_id, month, opening_fen, income_fen, expense_fen, closing_fen, closed_by)
       SELECT a.id, m.first, f.o, f.i, f.e, f.o + f.i - f.e, $2
         FROM fund_accounts a
        CROSS JOIN (SELECT (date_trunc('month', now()) - make_interval(months => $1))::date AS first) m
        CROSS JOIN LATERAL (
          SELECT COALESCE(sum(CASE WHEN e.occurred_on < m.first THEN CASE WHEN e.direction = 'income' THEN e.amount_fen ELSE -e.amount_fen END END), 0) AS o,
                 COALESCE(sum(e.amount_fen) FILTER (WHERE e.occurred_on >= m.first AND e.direction = 'income'), 0) AS i,
                 COALESCE(sum(e.amount_fen) FILTER (WHERE e.occurred_on >= m.first AND e.direction = 'expense'), 0) AS e
            FROM fund_entries e WHERE e.account_id = a.id AND e.status = 'posted'
             AND e.occurred_on < (m.first + interval '1 month')::date) f`,
      [back, user.id],
    );
  await database.query(
    `INSERT INTO disclosures (place_id, place_path, kind, period, title, content, status, drafted_by, approved_by,
                              published_at, hash, due_on)
     SELECT $1, $2, 'subsidy_list', '2026-Q3', '补贴名单',
            jsonb_build_object('text', '', 'finance', null, 'names',
              (SELECT jsonb_agg(jsonb_build_object('maskedName', '张*' || (i % 10), 'householdSize', 1 + i % 6,
                                                   'amountFen', (10000 + i)::text)) FROM generate_series(1, $3) i)),
            'published', $4::bigint, $4::bigint + 1, now(), repeat('a', 64), '2026-10-20'`,
    [place.id, path, names, user.id],
  );
  await database.query('ANALYZE');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function latencies(samples: number, run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: +percentile(times, 0.5).toFixed(2), p95: +percentile(times, 0.95).toFixed(2) };
}

export default async function fundsBench(args: string[]) {
  const entries = Number(arg(args, 'entries', '1000000'));
  const accounts = Number(arg(args, 'accounts', '50'));
  const names = Number(arg(args, 'names', '10000'));
  const samples = Number(arg(args, 'samples', '400'));
  const { database, fillSeconds } = await benchDatabase(NAME, {
    reuse: args.includes('--reuse'),
    pool: 4,
    filled: 'fund_entries',
    fill: (d) => fill(d, accounts, entries, names),
  });
  const [place] = await database.query<{ id: number; path: string }>(
    `SELECT id::int8 AS id, path FROM places WHERE code = 'bench-funds'`,
  );
  const ids = (await database.query<{ id: number }>('SELECT id::int8 AS id FROM fund_accounts')).map(
    (r) => r.id,
  );
  const ctx = {
    actor: {
      userId: 1,
      username: 'bench',
      displayName: 'bench',
      roles: ['community_staff'] as Role[],
      scopes: [{ id: place.id, path: place.path }],
      csrfToken: '',
      sessionHash: '',
      mustChangePassword: false,
    },
    ip: '127.0.0.1',
    requestId: 'bench',
  };
  const pick = () => ids[randomInt(ids.length)];
  const month = () => {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - randomInt(24));
    return d.toISOString().slice(0, 7);
  };
  const config = loadConfig({ webDist: '/nonexistent', runJobs: false, secretKey: 'be'.repeat(32) });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();

  const balance = await latencies(samples, () => funds.getAccount(database, ctx, pick()));
  const balanceBare = await latencies(samples, () =>
    database.query(
      `SELECT sum(CASE WHEN direction = 'income' THEN amount_fen ELSE -amount_fen END) FROM fund_entries
        WHERE account_id = $1 AND status = 'posted'`,
      [pick()],
    ),
  );
  const statement = await latencies(samples, () => ledger.statement(database, ctx, pick(), month()));
  const statementBare = await latencies(samples, () =>
    database.query(
      `SELECT * FROM fund_entries WHERE account_id = $1 AND status = 'posted'
          AND occurred_on >= $2::date AND occurred_on < ($2::date + interval '1 month')::date`,
      [pick(), `${month()}-01`],
    ),
  );
  const board = await latencies(samples, () =>
    app.inject({
      method: 'GET',
      url: '/api/public/disclosures/bench-funds',
      remoteAddress: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
    }),
  );
  const boardBare = await latencies(samples, () =>
    database.query(`SELECT content FROM disclosures WHERE place_id = $1 AND status = 'published'`, [
      place.id,
    ]),
  );
  await app.close();
  await database.close();
  return {
    entries,
    accounts,
    names,
    fillSeconds,
    balance: { ...balance, bare: balanceBare, target: 'p95 < 50 ms' },
    statement: { ...statement, bare: statementBare, target: 'p95 < 50 ms' },
    publicBoard: { ...board, bare: boardBare, target: 'p95 < 50 ms (sequential here, not 64 connections)' },
  };
}
