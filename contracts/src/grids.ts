import { z } from 'zod';
import { Id, Version } from './common.ts';

/** Most vertices a grid boundary may have, over all its rings. */
export const GRID_MAX_POINTS = 2000;

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position).min(4);

/** A grid boundary: a GeoJSON Polygon or MultiPolygon in WGS84 (longitude, latitude). */
export const GridBoundary = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1).max(50) }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(Ring).min(1).max(50)).min(1).max(50),
  }),
]);
export type GridBoundary = z.infer<typeof GridBoundary>;

export const GRID_SIZES = ['under', 'within', 'over'] as const;

/** Kinds of resettlement site, kept on the community as `attributes.resettlementType`. */
export const SITE_KINDS = ['urban', 'town', 'village'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** The household norm a community's grids are measured against, with the rule it follows. */
export const GridNorm = z.object({
  siteKind: z.enum(SITE_KINDS).describe('the kind whose norm applies'),
  kindSet: z.boolean().describe('false when the community has no kind yet and the urban norm applies'),
  min: z.number().int(),
  max: z.number().int(),
  sourceZh: z.string(),
  sourceEn: z.string(),
});
export type GridNorm = z.infer<typeof GridNorm>;

export const GridWorkerRef = z.object({ id: Id, displayName: z.string() });
export type GridWorkerRef = z.infer<typeof GridWorkerRef>;

export const GridSummary = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  households: z.number().int(),
  /** Against the household norm of the community's kind of site; a site smaller than the norm's minimum is not 'under'. */
  size: z.enum(GRID_SIZES),
  workers: z.array(GridWorkerRef),
  hasBoundary: z.boolean(),
  version: z.number().int(),
});
export type GridSummary = z.infer<typeof GridSummary>;

export const GridList = z.object({
  norm: GridNorm,
  items: z.array(GridSummary),
});
export type GridList = z.infer<typeof GridList>;

export const Grid = GridSummary.extend({
  communityId: Id,
  boundary: GridBoundary.nullable(),
});
export type Grid = z.infer<typeof Grid>;

export const GridCreate = z.object({
  name: z.string().trim().min(1).max(100),
  boundary: GridBoundary.optional(),
});
export type GridCreate = z.infer<typeof GridCreate>;

export const GridBoundaryUpdate = z.object({ boundary: GridBoundary, version: Version });
export type GridBoundaryUpdate = z.infer<typeof GridBoundaryUpdate>;

export const GridWorkersUpdate = z.object({ userIds: z.array(Id).max(20), version: Version });
export type GridWorkersUpdate = z.infer<typeof GridWorkersUpdate>;

/** Moves buildings (with their dwellings, households and people) into another grid of the community. */
export const Regrid = z.object({
  toGridId: Id,
  buildingIds: z.array(Id).min(1).max(200),
  version: Version,
  toVersion: Version,
});
export type Regrid = z.infer<typeof Regrid>;

export const RegridResult = z.object({
  buildings: z.number().int(),
  households: z.number().int(),
  persons: z.number().int(),
  from: GridSummary,
  to: GridSummary,
});
export type RegridResult = z.infer<typeof RegridResult>;

/** One grid on the community map: its summary, boundary, and how many people and buildings it holds. */
export const GridMapItem = GridSummary.extend({
  persons: z.number().int(),
  buildings: z.number().int(),
  boundary: GridBoundary.nullable(),
});
export type GridMapItem = z.infer<typeof GridMapItem>;

export const GridMap = z.object({
  norm: GridNorm,
  items: z.array(GridMapItem),
});
export type GridMap = z.infer<typeof GridMap>;

/** A building of a grid with the active households and living people in it. */
export const GridBuilding = z.object({
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  households: z.number().int(),
  persons: z.number().int(),
});
export type GridBuilding = z.infer<typeof GridBuilding>;
