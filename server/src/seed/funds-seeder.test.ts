import { afterAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import type { Database } from '../db/client.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { fundsSeeder } from './funds-seeder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let opened: { database: Database; fresh: FreshDatabase } | undefined;
afterAll(async () => {
  await opened?.database.close();
  await opened?.fresh.drop();
});

describe('funds seeder', () => {
  it('seeds accounts whose closes chain and reconcile with the journal, and entries waiting for approval', async () => {
    opened = await migratedFreshDatabase();
    const { database } = opened;
    await seed(database, {
      scale: 'site',
      seed: 3,
      cipher,
      seeders: [placesSeeder, personsSeeder, demoAccountsSeeder, fundsSeeder],
    });
    const [counts] = await database.query<{
      accounts: number;
      posted: number;
      pending: number;
      closes: number;
    }>(
      `SELECT (SELECT count(*)::int FROM fund_accounts) AS accounts,
              (SELECT count(*)::int FROM fund_entries WHERE status = 'posted') AS posted,
              (SELECT count(*)::int FROM fund_entries WHERE status = 'pending') AS pending,
              (SELECT count(*)::int FROM fund_closes) AS closes`,
    );
    expect(counts.accounts).toBeGreaterThan(0);
    expect(counts.posted).toBeGreaterThan(counts.accounts * 10);
    expect(counts.pending).toBeGreaterThan(0);
    expect(counts.closes).toBe(counts.accounts * 10);
    const [drift] = await database.query<{ broken_chain: number; off_journal: number; negative: number }>(
      `SELECT (SELECT count(*)::int FROM fund_closes c JOIN fund_closes n
                 ON n.account_id = c.account_id AND n.month = (c.month + interval '1 month')::date
               WHERE n.opening_fen <> c.closing_fen) AS broken_chain,
              (SELECT count(*)::int FROM fund_closes c
                WHERE c.closing_fen <> (SELECT COALESCE(sum(CASE WHEN e.direction = 'income' THEN e.amount_fen ELSE -e.amount_fen END), 0)
                                          FROM fund_entries e WHERE e.account_id = c.account_id AND e.status = 'posted'
                                           AND e.occurred_on < (c.month + interval '1 month')::date)) AS off_journal,
              (SELECT count(*)::int FROM fund_closes WHERE closing_fen < 0) AS negative`,
    );
    expect(drift).toEqual({ broken_chain: 0, off_journal: 0, negative: 0 });
  });
});
