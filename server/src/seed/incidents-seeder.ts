import type { Database } from '../db/client.ts';
import { CATEGORY_MIX, SOURCE_MIX, TITLES } from './incidents-catalogue.ts';
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

async function categoryTerms(database: Database): Promise<CategoryTerms[]> {
  const rows = await database.query<{
    code: string;
    accept_hours: number;
    deadline_hours: number;
    start_level: number;
    auto_escalate: boolean;
  }>(
    `SELECT code, accept_hours, deadline_hours, start_level, auto_escalate FROM incident_categories WHERE active ORDER BY sort, code`,
  );
  return rows
    .filter((r) => CATEGORY_MIX[r.code])
    .map((r) => ({
      code: r.code,
      acceptHours: r.accept_hours,
      deadlineHours: r.deadline_hours,
      startLevel: r.start_level,
      autoEscalate: r.auto_escalate,
    }));
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
      const categories = await categoryTerms(database);
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
