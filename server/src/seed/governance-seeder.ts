import { sql } from 'drizzle-orm';
import { plannedSql } from '../modules/visits/plans.sql.ts';
import type { Database } from '../db/client.ts';
import { seedGridBoundaries } from './grid-boundaries.ts';
import { seedPartyTree } from './party-rows.ts';
import { defineSeeder } from './registry.ts';
import type { Rng } from './rng.ts';

const KINDS = [
  ['routine', 60],
  ['policy_publicity', 15],
  ['follow_up', 12],
  ['dispute_mediation', 3],
] as const;
const FINDINGS = [
  '家中情况稳定，无新增困难',
  '了解就业情况，已推荐帮扶车间岗位',
  '宣传医保参保政策',
  '老人身体状况良好，子女定期联系',
  '反映楼道灯损坏',
  '邻里因噪音有矛盾，已现场调解',
  '孩子在校情况良好',
  '询问低保申请流程，已告知所需材料',
];
const MONTHS = 6;

const csv = (v: string | number | boolean) => `"${String(v).replace(/"/g, '""')}"`;

interface DueHousehold {
  id: number;
  path: string;
  every: number;
}

/** Visits of one household over the last months: nearly every cycle of its plan (in months), now and then an extra one. */
function visitsOf(rng: Rng, h: DueHousehold, monthStarts: Date[]): { on: string; kind: string }[] {
  const found: { on: string; kind: string }[] = [];
  monthStarts.forEach((start, i) => {
    const due = (start.getUTCMonth() % h.every === 0 && rng.next() < 0.85) || rng.next() < 0.08;
    if (!due || (i === monthStarts.length - 1 && rng.next() < 0.5)) return;
    const day = new Date(start);
    day.setUTCDate(1 + rng.int(0, 27));
    if (day.getTime() > Date.now()) return;
    const kind = h.every === 1 && rng.next() < 0.5 ? 'vulnerable_care' : rng.weighted(KINDS);
    found.push({ on: day.toISOString().slice(0, 10), kind });
  });
  return found;
}

async function seedVisits(database: Database, rng: Rng, grid: { id: number }, workerId: number) {
  const households = (
    await database.db.execute(sql`WITH ${plannedSql(sql`g.id = ${grid.id}`)}
      SELECT id, residence_path AS path, greatest(1, round(every / 30.0))::int AS every FROM planned ORDER BY id`)
  ).rows as unknown as DueHousehold[];
  const now = new Date();
  const monthStarts = Array.from(
    { length: MONTHS },
    (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1 - i), 1)),
  );
  const lines: string[] = [];
  for (const h of households) {
    for (const v of visitsOf(rng, h, monthStarts)) {
      const incident = rng.next() < 0.03;
      lines.push(
        [
          h.id,
          grid.id,
          h.path,
          workerId,
          v.on,
          v.kind,
          rng.pick(FINDINGS),
          incident ? '上报社区处理' : '',
          incident,
        ]
          .map(csv)
          .join(','),
      );
    }
  }
  if (lines.length)
    await database.copy(
      'visits',
      [
        'household_id',
        'grid_id',
        'household_path',
        'visitor_id',
        'visited_on',
        'kind',
        'findings',
        'follow_ups',
        'becomes_incident',
      ],
      `${lines.join('\n')}\n`,
    );
  return lines.length;
}

/**
 * Grid boundaries tiling each community, party organizations with party-member households and the
 * households they look after, the demo grid worker's grid assignment, and six months of that
 * grid's visits by plan.
 */
export const governanceSeeder = defineSeeder({
  name: 'governance',
  dependsOn: ['persons', 'demo-accounts'],
  async run(ctx) {
    const { database, places } = ctx;
    const boundaries = await seedGridBoundaries(database, ctx.rng.fork('boundaries'), places.communities);
    await seedPartyTree(
      database,
      places.communities.map((c) => c.id),
    );
    const grid = places.demoCommunity?.grids[0];
    const [worker] = await database.query<{ id: number }>(
      `SELECT id::int8 AS id FROM users WHERE username = 'grid_worker'`,
    );
    if (!grid || !worker) return;
    await database.query(
      `INSERT INTO grid_workers (grid_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [grid.id, worker.id],
    );
    await database.query(`DELETE FROM user_scopes WHERE user_id = $1`, [worker.id]);
    await database.query(`INSERT INTO user_scopes (user_id, place_id) VALUES ($1, $2)`, [worker.id, grid.id]);
    const visits = await seedVisits(database, ctx.rng.fork(grid.code), grid, Number(worker.id));
    ctx.log(
      `governance: ${boundaries} grid boundaries, party tree, grid_worker on grid ${grid.code}, ${visits} visits`,
    );
  },
});
