// `npm run bench -- volunteers [--volunteers 200000] [--records 20] [--samples 400] [--reuse]`:
// (a) a volunteer's hours summary (GET /api/volunteers/me/hours's service, the records that count and the
// certificates) and (b) the public check of a certificate (GET /api/public/volunteer-certificates/:serial
// through the API), p50/p95 over random volunteers at province scale, each beside the same figure read by
// hand-written SQL in the same run; target p95 < 20 ms.
import { randomInt } from 'node:crypto';
import type { Role } from '@anju/contracts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/client.ts';
import * as hours from '../server/src/modules/volunteers/hours.service.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_volunteers';

/** Volunteers with accounts, an activity for every 20 of them, `records` approved records each, a certificate for a tenth. */
async function fill(database: Database, volunteers: number, records: number) {
  const [place] = await database.query<{ id: number }>(
    `INSERT INTO places (level, code, name, initials, path, depth) VALUES ('community', 'bench-vol', '基准社区', '', '/', 0)
     RETURNING id::int8 AS id`,
  );
  await database.query(`UPDATE places SET path = '/' || id || '/' WHERE id = $1`, [place.id]);
  const path = `/${place.id}/`;
  await database.query(
    `INSERT INTO users (username, display_name, password_hash, roles)
     SELECT 'bench_vol_' || i, '志愿者' || i, 'x', '{resident}' FROM generate_series(1, $1) i`,
    [volunteers],
  );
  await database.query(
    `INSERT INTO volunteers (user_id, name, name_masked, id_cipher, id_hash, id_masked, place_id, place_path, skills)
     SELECT u.id, u.display_name, '志*' || right(u.display_name, 1), 'v1.x', substr(md5(u.username), 1, 32),
            '5****************1', $1, $2, '{elder_care}'
       FROM users u WHERE u.username LIKE 'bench_vol_%'`,
    [place.id, path],
  );
  const activities = Math.max(records, Math.ceil(volunteers / 20));
  await database.query(
    `INSERT INTO volunteer_activities (title, place_id, place_path, address, starts_at, ends_at, slots, signed_up)
     SELECT '活动' || i, $1, $2, '社区', now() - make_interval(days => i % 700 + 1) - interval '3 hours',
            now() - make_interval(days => i % 700 + 1), 10000, 0
       FROM generate_series(1, $3) i`,
    [place.id, path, activities],
  );
  await database.query(
    `INSERT INTO volunteer_signups (activity_id, volunteer_id, checked_in_at, checked_in_via, checked_out_at, checked_out_via)
     SELECT a.id, v.id, a.starts_at, 'qr', a.ends_at, 'qr'
       FROM volunteers v CROSS JOIN generate_series(0, $1 - 1) k
       JOIN LATERAL (SELECT id, starts_at, ends_at FROM volunteer_activities
                      OFFSET ((v.id * 7 + k * 13) % $2) LIMIT 1) a ON true
      WHERE v.place_id = $3
     ON CONFLICT DO NOTHING`,
    [records, activities, place.id],
  );
  await database.query(
    `INSERT INTO volunteer_service_records (signup_id, volunteer_id, activity_id, hours)
     SELECT s.id, s.volunteer_id, s.activity_id, 3 FROM volunteer_signups s ORDER BY s.id`,
  );
  await database.query(
    `INSERT INTO volunteer_certificates (serial, volunteer_id, name_masked, hours, activities)
     SELECT 'ZY2026-' || lpad(v.id::text, 6, '0') || '-BNCH', v.id, v.name_masked, 3 * $1, $1
       FROM volunteers v WHERE v.id % 10 = 0`,
    [records],
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

export default async function volunteersBench(args: string[]) {
  const volunteers = Number(arg(args, 'volunteers', '200000'));
  const records = Number(arg(args, 'records', '20'));
  const samples = Number(arg(args, 'samples', '400'));
  const { database, fillSeconds } = await benchDatabase(NAME, {
    reuse: args.includes('--reuse'),
    pool: 4,
    filled: 'volunteer_service_records',
    fill: (d) => fill(d, volunteers, records),
  });
  const people = await database.query<{ user_id: number; id: number }>(
    'SELECT user_id::int8 AS user_id, id::int8 AS id FROM volunteers ORDER BY id',
  );
  const serials = (await database.query<{ serial: string }>('SELECT serial FROM volunteer_certificates')).map(
    (r) => r.serial,
  );
  const pick = <T>(xs: T[]) => xs[randomInt(xs.length)];
  const ctxOf = (userId: number) => ({
    actor: {
      userId,
      username: 'bench',
      displayName: 'bench',
      roles: ['resident'] as Role[],
      scopes: [],
      csrfToken: '',
      sessionHash: '',
      mustChangePassword: false,
    },
    ip: '127.0.0.1',
    requestId: 'bench',
  });
  const config = loadConfig({ webDist: '/nonexistent', runJobs: false, secretKey: 'be'.repeat(32) });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();

  const summary = await latencies(samples, () => hours.myHours(database, ctxOf(pick(people).user_id)));
  const summaryBare = await latencies(samples, () =>
    database.query(
      `SELECT sum(r.hours), count(DISTINCT r.activity_id) FROM volunteer_service_records r
        WHERE r.volunteer_id = $1
          AND NOT EXISTS (SELECT 1 FROM volunteer_service_records c WHERE c.corrects_id = r.id)`,
      [pick(people).id],
    ),
  );
  // each from an address of its own, as the public's checks come: the endpoint's rate limit is per address
  const verify = await latencies(samples, () =>
    app.inject({
      method: 'GET',
      url: `/api/public/volunteer-certificates/${pick(serials)}`,
      remoteAddress: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
    }),
  );
  const verifyBare = await latencies(samples, () =>
    database.query('SELECT name_masked, hours, activities FROM volunteer_certificates WHERE serial = $1', [
      pick(serials),
    ]),
  );
  await app.close();
  await database.close();
  return {
    volunteers,
    records: volunteers * records,
    fillSeconds,
    hoursSummary: { ...summary, bare: summaryBare, target: 'p95 < 20 ms' },
    certificateCheck: { ...verify, bare: verifyBare, target: 'p95 < 20 ms' },
  };
}
