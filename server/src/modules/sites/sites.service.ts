import {
  FACILITY_DEMAND,
  FACILITY_RADIUS_NORMS,
  type SiteFacility,
  type SiteFacilityCreate,
  type SiteFacilityUpdate,
  type SiteDemand,
  type SiteDetail,
  type SiteFigures,
  type SitesOverview,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { normsWithSources } from '../../platform/norms.ts';
import { dictionary } from '../registry/extras.service.ts';
import { placeById } from '../places/places.service.ts';
import { list as listProjects } from './projects.service.ts';
import { tasksOf } from './plan.service.ts';
import * as policy from './sites.policy.ts';
import * as repo from './sites.repo.ts';
import type { DemandRow, FacilityRow } from './sites.sql.ts';

export const today = () => new Date().toISOString().slice(0, 10);
export const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

const round1 = (n: number) => Math.round(n * 10) / 10;

function presentDemand(r: DemandRow): SiteDemand {
  const capacity = Math.floor(Number(r.capacity));
  return {
    kind: r.kind,
    group: r.grp,
    unit: r.unit,
    people: r.people,
    demand: r.demand,
    capacity,
    gap: Math.max(r.demand - capacity, 0),
    per1000: r.residents > 0 ? round1((capacity * 1000) / r.residents) : 0,
    standardPer1000: r.residents > 0 ? round1((r.demand * 1000) / r.residents) : 0,
  };
}

function presentFacility(ctx: Ctx, r: FacilityRow, demand?: DemandRow): SiteFacility {
  const rule = FACILITY_DEMAND[r.kind];
  const need = rule ? (demand?.demand ?? 0) : null;
  return {
    id: String(r.id),
    name: r.name,
    kind: r.kind,
    placeId: String(r.place_id),
    placeName: r.place_name,
    sites: r.sites.map((s) => ({ id: String(s.id), name: s.name })),
    capacity: r.capacity,
    unit: rule?.unit ?? null,
    state: r.state as SiteFacility['state'],
    demand: need,
    gap: need === null ? null : Math.max(need - r.capacity, 0),
    mayKeep: policy.mayKeep(ctx.actor, r.place_path),
    version: r.version,
  };
}

/** The norms the site page shows: each demand rule's and each service radius, with their sources. */
async function normsShown(conn: Conn) {
  const codes = [
    ...new Set([
      ...Object.values(FACILITY_DEMAND).map((r) => r.norm),
      ...Object.values(FACILITY_RADIUS_NORMS),
    ]),
  ];
  const found = await normsWithSources(conn, ...codes);
  return codes.map((code, i) => ({ code, ...found[i] }));
}

async function visibleSite(conn: Conn, ctx: Ctx, id: number) {
  const site = await placeById(conn, id);
  policy.assertSite(ctx.actor, site);
  return site!;
}

/** A site: its residents, demand against capacity of each kind, the facilities serving it, its industry projects and this year's plan. */
export async function site(database: Database, ctx: Ctx, id: number, year?: number): Promise<SiteDetail> {
  const conn = database.db;
  const s = await visibleSite(conn, ctx, id);
  const on = today();
  const [demand, facilities, projects, tasks, norms] = await Promise.all([
    repo.demandOf(conn, [id], on),
    repo.facilitiesServing(conn, s.path, policy.placedScope(ctx.actor, 'x.place_path')),
    listProjects(database, ctx, s.path),
    tasksOf(database, ctx, s.path, year ?? Number(on.slice(0, 4))),
    normsShown(conn),
  ]);
  const siteRows = demand.filter((d) => d.what === 'site');
  const byFacility = new Map(demand.filter((d) => d.what === 'facility').map((d) => [Number(d.id), d]));
  return {
    id: String(s.id),
    name: s.name,
    residents: siteRows[0]?.residents ?? 0,
    demand: siteRows.map(presentDemand),
    facilities: facilities.map((f) => presentFacility(ctx, f, byFacility.get(Number(f.id)))),
    projects,
    tasks,
    norms,
    mayKeep: policy.mayKeep(ctx.actor, s.path),
  };
}

function figuresOf(
  place: { id: number; name: string; level: string },
  demand: DemandRow[],
  f: repo.SiteFigureRow[],
): SiteFigures {
  const residents = demand.filter((d) => d.kind === 'clinic').reduce((n, d) => n + d.residents, 0);
  const gaps = new Map<string, { gap: number; unit: SiteDemand['unit'] }>();
  for (const d of demand.map(presentDemand))
    if (d.gap > 0) gaps.set(d.kind, { gap: (gaps.get(d.kind)?.gap ?? 0) + d.gap, unit: d.unit });
  const kg = demand.filter((d) => d.kind === 'kindergarten');
  const kgCapacity = kg.reduce((n, d) => n + Math.floor(Number(d.capacity)), 0);
  const kgDemand = kg.reduce((n, d) => n + d.demand, 0);
  const sum = (k: keyof repo.SiteFigureRow) => f.reduce((n, r) => n + Number(r[k]), 0);
  return {
    placeId: String(place.id),
    name: place.name,
    level: place.level,
    residents,
    gaps: [...gaps].map(([kind, g]) => ({ kind, ...g })),
    kindergartenPer1000: residents > 0 ? round1((kgCapacity * 1000) / residents) : 0,
    kindergartenStandardPer1000: residents > 0 ? round1((kgDemand * 1000) / residents) : 0,
    householdsBenefiting: sum('households_benefiting'),
    paidThisYear: Math.round(sum('paid_this_year') * 100) / 100,
    tasks: sum('tasks'),
    tasksDone: sum('tasks_done'),
    tasksOnTime: sum('tasks_on_time'),
    tasksLate: sum('tasks_late'),
  };
}

/**
 * The figures of every site under a place of the caller's scope (their own top place by default), side
 * by side, of each township right below, and of the place itself: demand against capacity in one
 * statement, industry and plan figures in another.
 */
export async function overview(
  database: Database,
  ctx: Ctx,
  q: { place?: number; year?: number },
): Promise<SitesOverview> {
  const conn = database.db;
  const placeId = q.place ?? ctx.actor.scopes[0]?.id;
  const place = placeId ? await placeById(conn, placeId) : undefined;
  policy.assertPlaceInScope(ctx.actor, place);
  const on = today();
  const year = q.year ?? Number(on.slice(0, 4));
  const sites = await repo.sitesUnder(conn, place!.path, policy.sitesScope(ctx.actor));
  const ids = sites.map((s) => Number(s.id));
  const [demand, figures] = ids.length
    ? await Promise.all([repo.demandOf(conn, ids, on), repo.siteFigures(conn, ids, year, on)])
    : [[], []];
  const siteDemand = demand.filter((d) => d.what === 'site');
  const of = (set: Set<number>) =>
    [
      siteDemand.filter((d) => set.has(Number(d.id))),
      figures.filter((f) => set.has(Number(f.site_id))),
    ] as const;
  const siteFigures = sites.map((s) => figuresOf(s, ...of(new Set([Number(s.id)]))));
  const townships = ['county', 'city', 'province'].includes(place!.level)
    ? await townshipsOf(conn, sites, (ids) => of(ids))
    : [];
  return { total: figuresOf(place!, ...of(new Set(ids))), townships, sites: siteFigures };
}

async function townshipsOf(
  conn: Conn,
  sites: repo.PlaceRow[],
  of: (ids: Set<number>) => readonly [DemandRow[], repo.SiteFigureRow[]],
) {
  const parents = [...new Set(sites.map((s) => Number(s.parent_id)).filter(Boolean))];
  const found = parents.length ? await repo.placesByIds(conn, parents) : [];
  return found
    .filter((p) => p.level === 'township')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) =>
      figuresOf(
        t,
        ...of(new Set(sites.filter((s) => Number(s.parent_id) === Number(t.id)).map((s) => Number(s.id)))),
      ),
    );
}

const kindsOf = async (database: Database) =>
  (await dictionary(database, 'facility_kind')).map((d) => d.code);

async function servedSites(conn: Conn, ctx: Ctx, ids: number[]) {
  const unique = [...new Set(ids)];
  const found = await repo.placesByIds(conn, unique);
  policy.assertServedSites(
    ctx.actor,
    unique,
    found.map((s) => ({ ...s, id: Number(s.id) })),
  );
  return found.map((s) => ({ id: Number(s.id), path: s.path }));
}

async function facilityOut(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findFacility(database.db, id);
  policy.assertReached(ctx.actor, 'facility', row);
  const siteIds = row!.sites.map((s) => Number(s.id));
  const demand = siteIds.length ? await repo.demandOf(database.db, siteIds, today()) : [];
  return presentFacility(
    ctx,
    row!,
    demand.find((d) => d.what === 'facility' && Number(d.id) === id),
  );
}

export const facility = (database: Database, ctx: Ctx, id: number) => facilityOut(database, ctx, id);

/** Records a facility on a place of the caller's scope serving sites of it; capacity never below zero. */
export async function createFacility(database: Database, ctx: Ctx, input: SiteFacilityCreate) {
  if (!(await kindsOf(database)).includes(input.kind)) throw invalid('kind', 'not a facility kind');
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    policy.assertPlaced(ctx.actor, place);
    const sites = await servedSites(tx, ctx, input.siteIds);
    const facilityId = await repo.insertFacility(tx, place!, input, ctx.actor.userId);
    await repo.setServedSites(tx, facilityId, sites);
    await audit(tx, ctx, {
      action: 'sites.facility_create',
      targetType: 'site_facility',
      targetId: facilityId,
      detail: { kind: input.kind, capacity: input.capacity },
    });
    return facilityId;
  });
  return facilityOut(database, ctx, id);
}

/** Changes a facility from the version read (409 when stale). */
export async function updateFacility(database: Database, ctx: Ctx, id: number, input: SiteFacilityUpdate) {
  await database.db.transaction(async (tx) => {
    const before = await repo.findFacility(tx, id);
    policy.assertReached(ctx.actor, 'facility', before);
    policy.assertKeeps(ctx.actor, before!.place_path);
    const sites = input.siteIds && (await servedSites(tx, ctx, input.siteIds));
    const next = {
      name: input.name ?? before!.name,
      capacity: input.capacity ?? before!.capacity,
      state: input.state ?? before!.state,
    };
    if (!(await repo.updateFacility(tx, id, input.version, next))) throw stale();
    if (sites) await repo.setServedSites(tx, id, sites);
    await audit(tx, ctx, {
      action: 'sites.facility_update',
      targetType: 'site_facility',
      targetId: id,
      detail: { capacity: next.capacity, state: next.state },
    });
  });
  return facilityOut(database, ctx, id);
}
