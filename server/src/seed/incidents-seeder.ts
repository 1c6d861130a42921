import type { Database } from '../db/client.ts';
import { CATEGORY_MIX, SOURCE_MIX, TITLES, WORKING_DAY_LIMITS } from './incidents-catalogue.ts';
import { demoHandlers, seedDepartments } from './incidents-people.ts';
import { IncidentWriter, type IncidentDraft } from './incidents-rows.ts';
import { planIncident, type CategoryTerms } from './incidents-timeline.ts';
import { defineSeeder, type Seeder } from './registry.ts';
import type { Rng } from './rng.ts';
import { seedAcceptanceClocks } from './incidents-clocks.ts';

const HOUR = 3_600_000;
const MONTH = 30.4375 * 24 * HOUR;
const CHINA = 8 * HOUR;
/** When the demo resident reported their own few incidents; the last ones still open. */
const RESIDENT_REPORTS_DAYS_AGO = [150.3, 75.6, 30.2, 9.4, 1.3];

export interface IncidentHistory {
  /** Incidents a household reports a month (about 1 in 10 households). */
  perHouseholdMonth: number;
  months: number;
  /** The end of the history; by default the start of the current hour. */
  now?: Date;
}

/** Categories about one household's own affairs happen at its dwelling; others at a building or grid too. */
const PERSONAL = new Set([
  'employment_help',
  'social_assistance',
  'medical_insurance',
  'schooling',
  'hukou_transfer',
  'origin_land_rights',
  'policy_consultation',
]);

interface Household {
  id: number;
  headName: string;
}

/** The demo's categories in working days: their limits set as an admin of a whole province would. */
async function limitsInWorkingDays(database: Database) {
  for (const [code, l] of Object.entries(WORKING_DAY_LIMITS))
    await database.query(
      `UPDATE incident_categories SET limit_unit = 'working_days', accept_days = $2, deadline_days = $3
        WHERE code = $1`,
      [code, l.acceptDays, l.deadlineDays],
    );
}

/**
 * When N working days from each day between `from` and `to` end, as the database's working_day_end
 * counts them by the national calendar (the demo's counties keep none of their own).
 */
async function workingDayEnds(database: Database, counts: number[], from: number, to: number) {
  const rows = counts.length
    ? await database.query<{ day: string; n: number; ends: number }>(
        `SELECT to_char(d, 'YYYY-MM-DD') AS day, n,
                (extract(epoch FROM working_day_end(d AT TIME ZONE 'Asia/Shanghai', n, '')) * 1000)::float8 AS ends
           FROM generate_series(($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date,
                                ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') AS d,
                unnest($3::int[]) AS n`,
        [new Date(from).toISOString(), new Date(to).toISOString(), counts],
      )
    : [];
  const ends = new Map(rows.map((r) => [`${r.day}/${r.n}`, Number(r.ends)]));
  return (at: number, n: number) => {
    const day = new Date(at + CHINA).toISOString().slice(0, 10);
    const end = ends.get(`${day}/${n}`);
    if (end === undefined) throw new Error(`no working-day end counted from ${day}`);
    return end;
  };
}

/** The categories' terms, their clocks in hours or in working days from the days `from` to `to`. */
async function categoryTerms(database: Database, from: number, to: number): Promise<CategoryTerms[]> {
  const rows = await database.query<{
    code: string;
    limit_unit: string;
    accept_hours: number;
    deadline_hours: number;
    accept_days: number;
    deadline_days: number;
    start_level: number;
    auto_escalate: boolean;
  }>(
    `SELECT code, limit_unit, accept_hours, deadline_hours, accept_days, deadline_days, start_level, auto_escalate
       FROM incident_categories WHERE active ORDER BY sort, code`,
  );
  const inDays = rows.filter((r) => r.limit_unit === 'working_days');
  const end = await workingDayEnds(
    database,
    [...new Set(inDays.flatMap((r) => [r.accept_days, r.deadline_days]))],
    from,
    to,
  );
  return rows
    .filter((r) => CATEGORY_MIX[r.code])
    .map((r) => {
      const days = r.limit_unit === 'working_days';
      return {
        code: r.code,
        acceptBy: (at) => (days ? end(at, r.accept_days) : at + r.accept_hours * HOUR),
        dueBy: (at) => (days ? end(at, r.deadline_days) : at + r.deadline_hours * HOUR),
        startLevel: r.start_level,
        autoEscalate: r.auto_escalate,
      };
    });
}

async function householdsOf(database: Database, path: string): Promise<Map<number, Household>> {
  const rows = await database.query<{ dwelling_id: number; id: number; head_name: string }>(
    `SELECT dwelling_id::int8 AS dwelling_id, id::int8 AS id, head_name FROM households WHERE residence_path LIKE $1`,
    [`${path}%`],
  );
  return new Map(rows.map((r) => [Number(r.dwelling_id), { id: Number(r.id), headName: r.head_name }]));
}

/** A time of day people report at: mostly 07:00–21:00 China time. */
function reportTime(rng: Rng, from: number, to: number): number {
  const at = from + rng.next() * (to - from);
  if (rng.next() < 0.1) return at;
  const day = Math.floor((at + CHINA) / (24 * HOUR)) * 24 * HOUR - CHINA;
  const daytime = day + (7 + rng.next() * 14) * HOUR;
  return daytime >= from && daytime < to ? daytime : at;
}

/**
 * A year of incidents (by default) at about one per ten households a month, with their steps as the
 * workflow records them, for every grid generated; the county departments they go to; the demo
 * resident's own few reports. `perHouseholdMonth` raises the rate for benchmarks.
 */
export function incidentsSeederWith(history: Partial<IncidentHistory> = {}): Seeder {
  const { perHouseholdMonth = 0.1, months = 12 } = history;
  return defineSeeder({
    name: 'incidents',
    dependsOn: ['places', 'persons', 'demo-accounts'],
    async run(ctx) {
      const { database, places } = ctx;
      const now = history.now?.getTime() ?? Math.floor(Date.now() / HOUR) * HOUR;
      await limitsInWorkingDays(database);
      // a clock may start up to a year after the last report: an incident left open, escalated late
      const categories = await categoryTerms(database, now - months * MONTH - 24 * HOUR, now + 12 * MONTH);
      const categoryMix = categories.map((c) => [c, CATEGORY_MIX[c.code].weight] as const);
      const paths = new Map(
        (
          await database.query<{ id: number; path: string }>(
            `SELECT id::int8 AS id, path FROM places WHERE id = ANY($1::int8[])`,
            [places.communities.map((c) => c.id)],
          )
        ).map((r) => [Number(r.id), r.path]),
      );
      const departmentOf = await seedDepartments(database, [...paths.values()]);
      const demo = await demoHandlers(database, departmentOf);

      const sites = [];
      for (const community of places.communities) {
        const path = paths.get(community.id)!;
        const [, , county, township] = path.split('/').filter(Boolean).map(Number);
        sites.push({ community, path, township, county, homes: await householdsOf(database, path) });
      }
      const task = ctx.progress.start('incidents, months', months);
      const writer = new IncidentWriter(database);
      const compose = (
        rng: Rng,
        ladder: number[],
        at: { placeId: number; placePath: string; household?: Household },
        reportedAt: number,
        category: CategoryTerms,
        reporter?: { userId: number; name: string },
      ): IncidentDraft => {
        const source = reporter ? 'resident' : rng.weighted(SOURCE_MIX);
        return {
          categoryCode: category.code,
          title: rng.pick(TITLES[category.code]),
          source,
          reporterUserId: reporter?.userId ?? null,
          reporterName: reporter?.name ?? (source === 'resident' ? (at.household?.headName ?? null) : null),
          placeId: at.placeId,
          placePath: at.placePath,
          householdId: at.household?.id ?? null,
          reportedAt,
          ladder,
          timeline: planIncident(rng, category, source, reportedAt, now, {
            departmentId: departmentOf(ladder[3], category.code),
            assigneeAt: (level) => demo.assignees.get(ladder[level]) ?? null,
          }),
        };
      };

      // month by month, oldest first, so ids and codes follow the reporting time as they would
      for (let month = 0; month < months; month++) {
        const from = now - (months - month) * MONTH;
        const to = from + MONTH;
        const drafts: IncidentDraft[] = [];
        for (const { community, path, township, county, homes } of sites) {
          for (const grid of community.grids) {
            const rng = ctx.rng.fork(`${grid.code}/${month}`);
            const ladder = [grid.id, community.id, township, county];
            const dwellings = grid.buildings.flatMap((b) =>
              b.occupiedDwellingIds.map((d) => [b.id, d] as const),
            );
            const expected = grid.households * perHouseholdMonth;
            const count = Math.floor(expected) + (rng.next() < expected % 1 ? 1 : 0);
            for (let n = 0; n < count; n++) {
              const category = rng.weighted(categoryMix);
              const [building, dwelling] = rng.pick(dwellings);
              const roll = rng.next();
              const at =
                roll < 0.5 || PERSONAL.has(category.code)
                  ? {
                      placeId: dwelling,
                      placePath: `${path}${grid.id}/${building}/${dwelling}/`,
                      household: homes.get(dwelling),
                    }
                  : roll < 0.8
                    ? { placeId: building, placePath: `${path}${grid.id}/${building}/` }
                    : { placeId: grid.id, placePath: `${path}${grid.id}/` };
              drafts.push(compose(rng, ladder, at, reportTime(rng, from, to), category));
            }
          }
        }
        const resident = demo.resident;
        if (resident) {
          const rng = ctx.rng.fork(`resident/${month}`);
          const home = sites
            .find((s) => s.community === places.demoCommunity)
            ?.homes.get(resident.dwellingId);
          for (const daysAgo of RESIDENT_REPORTS_DAYS_AGO) {
            const reportedAt = now - daysAgo * 24 * HOUR;
            if (reportedAt < from || reportedAt >= to) continue;
            const at = { placeId: resident.dwellingId, placePath: resident.dwellingPath, household: home };
            drafts.push(compose(rng, resident.ladder, at, reportedAt, rng.weighted(categoryMix), resident));
          }
        }
        drafts.sort((a, b) => a.reportedAt - b.reportedAt);
        await writer.add(drafts);
        task.tick();
      }
      await writer.done();
      await seedAcceptanceClocks(database);
      task.done();
      ctx.log(`${writer.incidentsWritten} incidents, ${writer.stepsWritten} steps written`);
    },
  });
}

export const incidentsSeeder = incidentsSeederWith();
