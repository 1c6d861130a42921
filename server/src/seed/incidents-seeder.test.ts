import { HANDLING_LEVELS, type IncidentAction, type IncidentStatus } from '@anju/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { kpi } from '../modules/incidents/kpi.ts';
import { RULES } from '../modules/incidents/workflow.ts';
import type { Ctx } from '../platform/auth/actor.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { incidentsSeederWith } from './incidents-seeder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
const now = new Date('2026-03-16T02:00:00Z');
const seeders = [placesSeeder, personsSeeder, demoAccountsSeeder, incidentsSeederWith({ now })];

const opened: { database: Database; fresh: FreshDatabase }[] = [];
async function seeded(seedNumber: number) {
  const db = await migratedFreshDatabase();
  opened.push(db);
  await seed(db.database, { scale: 'site', seed: seedNumber, cipher, seeders });
  return db.database;
}
afterAll(async () => {
  for (const { database, fresh } of opened) {
    await database.close();
    await fresh.drop();
  }
});

/** Every incident with its timeline, without ids. */
async function history(database: Database): Promise<string> {
  const [row] = await database.query<{ rows: string }>(
    `SELECT string_agg(concat_ws('|', substr(i.code, 1, 10), i.category_code, i.title, i.source, i.reporter_name,
       p.code, i.level, i.status, i.overdue, i.satisfaction, i.reported_at, i.accepted_at, i.closed_at,
       (SELECT string_agg(s.action || '@' || s.at, ',' ORDER BY s.id) FROM incident_steps s WHERE s.incident_id = i.id)),
       E'\\n' ORDER BY i.id) AS rows
     FROM incidents i JOIN places p ON p.id = i.handling_place_id`,
  );
  return row.rows;
}

describe('incidents seeder', () => {
  let database: Database;
  beforeAll(async () => {
    database = await seeded(5);
  }, 180_000);

  it('gives the same history for the same seed and another for another seed', async () => {
    const [same, other] = await Promise.all([seeded(5), seeded(6)]);
    const rows = await history(database);
    expect(rows.split('\n').length).toBeGreaterThan(1000);
    expect(await history(same)).toBe(rows);
    expect(await history(other)).not.toBe(rows);
  }, 180_000);

  it('reports about one incident per ten households a month over twelve months, each code unique', async () => {
    const [r] = await database.query<{ n: number; households: number; codes: number; bad: number }>(
      `SELECT (SELECT count(*)::int FROM incidents) AS n, (SELECT count(*)::int FROM households) AS households,
              (SELECT count(DISTINCT code)::int FROM incidents) AS codes,
              (SELECT count(*)::int FROM incidents
                WHERE code <> 'SJ' || to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || id
                   OR reported_at > $1 OR reported_at < $1::timestamptz - interval '366 days') AS bad`,
      [now],
    );
    expect(r.n / r.households / 12).toBeGreaterThan(0.09);
    expect(r.n / r.households / 12).toBeLessThan(0.11);
    expect(r.codes).toBe(r.n);
    expect(r.bad).toBe(0);
  });

  it('takes every incident through steps the workflow allows, in order, ending at its status', async () => {
    const incidents = await database.query<{
      status: IncidentStatus;
      version: number;
      level: number;
      accepted_at: Date | null;
      closed_at: Date | null;
      satisfaction: string | null;
      steps: { action: string; from: IncidentStatus | null; to: IncidentStatus; at: string; level: number }[];
    }>(
      `SELECT i.status, i.version, i.level, i.accepted_at, i.closed_at, i.satisfaction,
              json_agg(json_build_object('action', s.action, 'from', s.from_status, 'to', s.to_status, 'at', s.at,
                'level', (s.data->>'level')::int) ORDER BY s.id) AS steps
         FROM incidents i JOIN incident_steps s ON s.incident_id = i.id GROUP BY i.id`,
    );
    for (const i of incidents) {
      const [first, ...rest] = i.steps;
      expect(first).toMatchObject({ action: 'report', from: null, to: 'reported' });
      let previous = first;
      for (const s of rest) {
        expect(s.from).toBe(previous.to);
        expect(new Date(s.at).getTime()).toBeGreaterThan(new Date(previous.at).getTime());
        if (s.action === 'overdue') expect(s.to).toBe(s.from);
        else {
          const rule = RULES[s.action as IncidentAction];
          expect(rule.from, `${s.action} from ${s.from}`).toContain(s.from);
          expect(s.to).toBe(rule.to === 'same' ? s.from : rule.to);
        }
        expect(s.level).toBe(s.action === 'escalate' ? previous.level + 1 : previous.level);
        previous = s;
      }
      expect(previous.to).toBe(i.status);
      expect(previous.level).toBe(i.level);
      expect(i.version).toBe(i.steps.length);
      const accepted = i.steps.findLast((s) => s.action === 'accept');
      expect(i.accepted_at && new Date(i.accepted_at).toISOString()).toBe(
        accepted ? new Date(accepted.at).toISOString() : null,
      );
      expect(i.closed_at === null).toBe(i.status !== 'closed');
      expect(i.satisfaction === null).toBe(i.status !== 'closed');
    }
  });

  it('handles each incident at the place of its rung above where it happened', async () => {
    const rows = await database.query<{ level: number; handling_level: string; inside: boolean }>(
      `SELECT i.level, h.level AS handling_level, i.place_path LIKE h.path || '%' AS inside
         FROM incidents i JOIN places h ON h.id = i.handling_place_id`,
    );
    for (const r of rows) {
      expect(r.handling_level).toBe(HANDLING_LEVELS[r.level]);
      expect(r.inside).toBe(true);
    }
    const [departments] = await database.query<{ n: number; foreign: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT i.place_path LIKE c.path || '%')::int AS foreign
         FROM incidents i JOIN departments d ON d.id = i.department_id JOIN places c ON c.id = d.county_id`,
    );
    expect(departments.n).toBeGreaterThan(0);
    expect(departments.foreign).toBe(0);
  });

  it('mixes categories and sources as residents and grid workers report', async () => {
    const share = async (column: string) =>
      Object.fromEntries(
        (
          await database.query<{ key: string; share: number }>(
            `SELECT ${column} AS key, count(*)::float8 / sum(count(*)) OVER () AS share FROM incidents GROUP BY 1`,
          )
        ).map((r) => [r.key, r.share]),
      );
    const sources = await share('source');
    const near = (value: number, target: number, band: number) => {
      expect(value).toBeGreaterThan(target - band);
      expect(value).toBeLessThan(target + band);
    };
    near(sources.resident, 0.45, 0.05);
    near(sources.grid_worker, 0.35, 0.05);
    near(sources.party_member, 0.1, 0.03);
    near(sources.hotline_12345, 0.08, 0.03);
    near(sources.department, 0.02, 0.015);
    const categories = await share('category_code');
    const common = ['neighbour_dispute', 'environment_sanitation', 'property_repair', 'policy_consultation'];
    near(
      common.reduce((s, c) => s + categories[c], 0),
      0.63,
      0.05,
    );
    for (const rare of ['safety_hazard', 'schooling']) expect(categories[rare]).toBeLessThan(0.03);
    const [open] = await database.query<{
      open: number;
      overdue: number;
      statuses: number;
      recalled: number;
    }>(
      `SELECT count(*) FILTER (WHERE status NOT IN ('closed', 'recalled'))::int AS open,
              count(*) FILTER (WHERE overdue AND status NOT IN ('closed', 'recalled'))::int AS overdue,
              count(DISTINCT status) FILTER (WHERE status NOT IN ('closed', 'recalled'))::int AS statuses,
              count(*) FILTER (WHERE status = 'recalled')::float8 / count(*) AS recalled
         FROM incidents`,
    );
    expect(open.open).toBeGreaterThan(5);
    expect(open.statuses).toBeGreaterThan(2);
    expect(open.recalled).toBeGreaterThan(0.015);
    expect(open.recalled).toBeLessThan(0.045);
  });

  it('gives KPIs in the ranges governments see: timely acceptance and on-time closure ~0.9, satisfaction ~0.95', async () => {
    const [county] = await database.query<{ id: number; path: string }>(
      `SELECT id::int8 AS id, path FROM places WHERE code = '530602000000'`,
    );
    const ctx: Ctx = {
      actor: {
        userId: 0,
        username: 'county_admin',
        displayName: 'county',
        roles: ['county_admin'],
        scopes: [{ id: Number(county.id), path: county.path }],
        csrfToken: '',
        sessionHash: '',
        mustChangePassword: false,
      },
      ip: '127.0.0.1',
      requestId: 'test',
    };
    const k = await kpi(database, ctx, { from: '2025-03-16', to: '2026-03-16' });
    expect(k.reported).toBeGreaterThan(1000);
    expect(k.timelyAcceptanceRate).toBeGreaterThan(0.85);
    expect(k.timelyAcceptanceRate).toBeLessThan(0.96);
    expect(k.onTimeClosureRate).toBeGreaterThan(0.85);
    expect(k.onTimeClosureRate).toBeLessThan(0.95);
    expect(k.satisfactionRate).toBeGreaterThan(0.92);
    expect(k.satisfactionRate).toBeLessThan(0.98);
    expect(k.averageHandlingHours).toBeGreaterThan(12);
    expect(k.averageHandlingHours).toBeLessThan(240);
  });

  it('keeps the acceptance clock of every rung left behind and of every department dispatched to', async () => {
    const [c] = await database.query<{
      escalations: number;
      rungs: number;
      sent: number;
      departments: number;
    }>(
      `SELECT (SELECT count(*) FROM incident_steps WHERE action = 'escalate')::int AS escalations,
              (SELECT count(*) FROM incident_acceptances WHERE department_id IS NULL)::int AS rungs,
              (SELECT count(DISTINCT incident_id) FROM incident_steps WHERE action = 'dispatch' AND data ? 'departmentId')::int AS sent,
              (SELECT count(DISTINCT incident_id) FROM incident_acceptances WHERE department_id IS NOT NULL)::int AS departments`,
    );
    expect(c.escalations).toBeGreaterThan(0);
    expect(c.rungs).toBe(c.escalations);
    expect(c.sent).toBeGreaterThan(0);
    expect(c.departments).toBe(c.sent);
  });

  it('counts the clocks of a category in working days by the holiday calendar, the others in hours', async () => {
    const [c] = await database.query<{ inDays: number; offDays: number; offHours: number; longer: number }>(
      `SELECT count(*) FILTER (WHERE c.limit_unit = 'working_days')::int AS "inDays",
              count(*) FILTER (WHERE c.limit_unit = 'working_days'
                AND (i.due_at <> working_day_end(i.reported_at, c.deadline_days, i.place_path)
                     OR (NOT EXISTS (SELECT 1 FROM incident_steps s WHERE s.incident_id = i.id AND s.action = 'escalate')
                         AND i.accept_due_at <> working_day_end(i.reported_at, c.accept_days, i.place_path))))::int AS "offDays",
              count(*) FILTER (WHERE c.limit_unit = 'hours'
                AND i.due_at <> i.reported_at + make_interval(hours => c.deadline_hours))::int AS "offHours",
              count(*) FILTER (WHERE c.limit_unit = 'working_days'
                AND i.due_at - i.reported_at > interval '9 days')::int AS longer
         FROM incidents i JOIN incident_categories c ON c.code = i.category_code`,
    );
    expect(c.inDays).toBeGreaterThan(50);
    expect(c.offDays).toBe(0);
    expect(c.offHours).toBe(0);
    // five working days over the Spring Festival or National Day run past nine calendar days
    expect(c.longer).toBeGreaterThan(0);
  });

  it('lets the demo resident find their own reports, the latest still open', async () => {
    const mine = await database.query<{ status: string; source: string }>(
      `SELECT i.status, i.source FROM incidents i JOIN users u ON u.id = i.reporter_user_id
        WHERE u.username = 'resident' ORDER BY i.reported_at`,
    );
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((m) => m.source === 'resident')).toBe(true);
    expect(mine.at(-1)!.status).not.toMatch(/closed|recalled/);
    const [others] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents i LEFT JOIN users u ON u.id = i.reporter_user_id
        WHERE i.reporter_user_id IS NOT NULL AND u.username IS DISTINCT FROM 'resident'`,
    );
    expect(others.n).toBe(0);
  });
});
