import { CASE_STEPS } from '@anju/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { overview } from '../modules/monitoring/overview.service.ts';
import type { Ctx } from '../platform/auth/actor.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { casesSeederWith } from './cases-seeder.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { seed } from './index.ts';
import { incidentsSeeder } from './incidents-seeder.ts';
import { monitoringSeeder } from './monitoring-seeder.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const seeders = [
  placesSeeder,
  personsSeeder,
  demoAccountsSeeder,
  incidentsSeeder,
  monitoringSeeder,
  casesSeederWith({ now }),
];

let fresh: FreshDatabase;
let database: Database;
beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  await seed(database, {
    scale: 'site',
    seed: 5,
    cipher: createCipher(Buffer.from(TEST_SECRET, 'hex')),
    seeders,
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

const one = async <T>(text: string, params: unknown[] = []) => (await database.query<T>(text, params))[0];

describe('cases seeder', () => {
  it('gives a few percent of households a case, at every step, most of them assisted', async () => {
    const steps = await database.query<{ step: string; n: number }>(
      `SELECT step, count(*)::int AS n FROM monitoring_cases GROUP BY step`,
    );
    const by = new Map(steps.map((s) => [s.step, s.n]));
    for (const step of CASE_STEPS) expect(by.get(step), step).toBeGreaterThan(0);
    const { households } = await one<{ households: number }>(
      `SELECT count(*)::int AS households FROM households WHERE status = 'active'`,
    );
    const total = steps.reduce((n, s) => n + s.n, 0);
    expect(total / households).toBeGreaterThan(0.03);
    expect(total / households).toBeLessThan(0.06);
    const monitored = ['assisted', 'elimination_community', 'elimination_township', 'elimination_county']
      .map((s) => by.get(s) ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(monitored / households).toBeGreaterThan(0.012);
    expect(monitored / households).toBeLessThan(0.03);
    expect(by.get('assisted')).toBe(Math.max(...by.values()));
    const { monitoredStatus } = await one<{ monitoredStatus: number }>(
      `SELECT count(*)::int AS "monitoredStatus" FROM households WHERE poverty_status = 'monitored'`,
    );
    expect(monitoredStatus).toBe(monitored);
  });

  it('opens each case from a lead of its household and keeps the deadlines and records of its step', async () => {
    const bad = await database.query(
      `SELECT c.id FROM monitoring_cases c JOIN monitoring_leads l ON l.id = c.lead_id
                                           JOIN households h ON h.id = c.household_id
        WHERE l.household_id <> c.household_id
           OR l.status <> CASE WHEN c.step = 'not_identified' THEN 'dismissed' ELSE 'case' END
           OR l.created_at > c.opened_at OR c.opened_at > $1::timestamptz
           OR c.decision_due_at <> l.created_at + interval '15 days'
           OR c.residence_path <> h.residence_path OR c.origin_path IS DISTINCT FROM h.origin_path
           OR (c.step <> 'verification') <> (c.category IS NOT NULL AND cardinality(c.risk_types) > 0
                                             AND c.verification IS NOT NULL)
           OR (c.identified_at IS NOT NULL) <> (c.step IN ('assisted', 'elimination_community',
                 'elimination_township', 'elimination_county', 'eliminated'))
           OR (c.closed_at IS NOT NULL) <> (c.step IN ('eliminated', 'not_identified'))
           OR (c.step_due_at IS NULL) <> (c.step IN ('assisted', 'eliminated', 'not_identified'))
           OR (c.notice_from IS NOT NULL AND c.step NOT IN ('community_review', 'elimination_community'))
           OR (c.step = 'eliminated' AND c.closed_at < c.identified_at + interval '6 months')
           OR (c.step IN ('assisted', 'elimination_community', 'elimination_township', 'elimination_county')
               AND h.poverty_status <> 'monitored')
           OR (c.step IN ('assisted', 'eliminated') AND c.prior_status IS NULL)`,
      [now.toISOString()],
    );
    expect(bad).toEqual([]);
    const open = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM monitoring_leads l
        WHERE l.status = 'open' AND EXISTS (SELECT 1 FROM monitoring_cases c WHERE c.lead_id = l.id)`,
    );
    expect(open.n).toBe(0);
    const overdue = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM monitoring_cases
        WHERE step_due_at < $1::timestamptz
           OR (step IN ('verification', 'comparison', 'community_review', 'township_review', 'county_approval')
               AND decision_due_at < $1::timestamptz)`,
      [now.toISOString()],
    );
    expect(overdue.n).toBeGreaterThan(0);
  });

  it('records every step a case passed as an event chain, in time order, by the officials of its place', async () => {
    const broken = await database.query(
      `WITH e AS (
         SELECT e.*, lag(e.to_step) OVER (PARTITION BY e.case_id ORDER BY e.id) AS before,
                lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.id) AS before_at,
                row_number() OVER (PARTITION BY e.case_id ORDER BY e.id DESC) AS from_last,
                count(*) OVER (PARTITION BY e.case_id) AS events
           FROM monitoring_case_events e)
       SELECT e.case_id FROM e JOIN monitoring_cases c ON c.id = e.case_id
        WHERE e.from_step IS DISTINCT FROM e.before OR e.at < e.before_at OR e.at > $1::timestamptz
           OR (e.from_last = 1 AND (e.to_step <> c.step OR e.events <> c.version))
           OR (e.action = 'reject' AND e.reason IS NULL)`,
      [now.toISOString()],
    );
    expect(broken).toEqual([]);
    const [demo] = await database.query<{ actors: number; missing: number }>(
      `SELECT count(DISTINCT e.actor_id)::int AS actors, count(*) FILTER (WHERE e.actor_id IS NULL)::int AS missing
         FROM monitoring_case_events e`,
    );
    expect(demo.actors).toBe(3);
    expect(demo.missing).toBe(0);
  });

  it('assists identified households with typed measures, mostly jobs, industry and public-welfare posts', async () => {
    const [m] = await database.query<{ without: number; main: number; all: number; open_after: number }>(
      `SELECT (SELECT count(*)::int FROM monitoring_cases c WHERE c.identified_at IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM assistance_measures a WHERE a.case_id = c.id)) AS without,
              count(*) FILTER (WHERE a.type IN ('employment', 'industry', 'public_welfare_post'))::int AS main,
              count(*)::int AS all,
              count(*) FILTER (WHERE c.step = 'eliminated' AND NOT a.outlives_elimination
                                 AND (a.end_on IS NULL OR a.end_on > (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date))::int
                AS open_after
         FROM assistance_measures a JOIN monitoring_cases c ON c.id = a.case_id`,
    );
    expect(m.without).toBe(0);
    expect(m.main / m.all).toBeGreaterThan(0.5);
    expect(m.open_after).toBe(0);
  });

  it('gives the demo community an overview with a trend over the year', async () => {
    const [community] = await database.query<{ id: number; path: string }>(
      `SELECT p.id::int8 AS id, p.path FROM places p JOIN user_scopes s ON s.place_id = p.id
         JOIN users u ON u.id = s.user_id WHERE u.username = 'community_staff'`,
    );
    const ctx: Ctx = {
      actor: {
        userId: 0,
        username: 'community_staff',
        displayName: 'community',
        roles: ['community_staff'],
        scopes: [{ id: Number(community.id), path: community.path }],
        csrfToken: '',
        sessionHash: '',
        mustChangePassword: false,
      },
      ip: '127.0.0.1',
      requestId: 'test',
    };
    const o = await overview(database, ctx, { months: 12 });
    expect(o.byCategory.length).toBe(3);
    expect(o.byRiskType.length).toBeGreaterThan(4);
    expect(o.elimination.rate).toBeGreaterThan(0.2);
    expect(o.elimination.rate).toBeLessThan(0.6);
    expect(o.trend.filter((p) => p.identified > 0).length).toBeGreaterThan(6);
    expect(o.trend.filter((p) => p.eliminated > 0).length).toBeGreaterThan(6);
    expect(o.trend.at(-1)?.monitored).toBe(
      o.byStep
        .filter((s) => s.code === 'assisted' || s.code.startsWith('elimination_'))
        .reduce((n, s) => n + s.count, 0),
    );
  });
});
