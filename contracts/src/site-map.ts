import { z } from 'zod';
import { Id, IdParam, Version } from './common.ts';
import { GridBoundary } from './grids.ts';

/** A point on the community map, WGS84 longitude and latitude. */
export const MapPoint = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });
export type MapPoint = z.infer<typeof MapPoint>;

/**
 * A place's name with enough of its path to be unique in its community: a flat goes with its
 * building (3栋 1单元101室), unless its own name already starts with the building's (3排2号).
 */
export function placeLabel(place: { name: string; level: string }, parent?: { name: string } | null): string {
  if (place.level !== 'dwelling' || !parent || place.name.startsWith(parent.name)) return place.name;
  return `${parent.name} ${place.name}`;
}

export const SiteMapGrid = z.object({
  id: Id,
  name: z.string(),
  boundary: GridBoundary.nullable(),
  /** Inside the caller's own scope (a grid worker's grids), not only reached from it. */
  mine: z.boolean(),
});
export type SiteMapGrid = z.infer<typeof SiteMapGrid>;

export const SiteMapBuilding = z.object({
  id: Id,
  name: z.string(),
  gridId: Id.nullable(),
  point: MapPoint.nullable(),
  version: z.number().int(),
});
export type SiteMapBuilding = z.infer<typeof SiteMapBuilding>;

/** A community drawn from Anju's own data: grid boundaries and building points, no tile server needed. */
export const SiteMap = z.object({
  community: z.object({ id: Id, name: z.string() }),
  grids: z.array(SiteMapGrid),
  buildings: z.array(SiteMapBuilding),
  /** A tile URL template ({z}/{x}/{y}) a deployment configured to draw under the map, if any. */
  tiles: z.string().nullable(),
});
export type SiteMap = z.infer<typeof SiteMap>;

/** The community to draw: the one `place` is, or lies in (a resident asks from their home). */
export const SiteMapQuery = z.object({ place: IdParam });
export type SiteMapQuery = z.infer<typeof SiteMapQuery>;

/** Sets or clears where a building stands, at the version read. */
export const PlacePointUpdate = z.object({ point: MapPoint.nullable(), version: Version });
export type PlacePointUpdate = z.infer<typeof PlacePointUpdate>;

export const PlacePoint = z.object({ id: Id, point: MapPoint.nullable(), version: z.number().int() });
export type PlacePoint = z.infer<typeof PlacePoint>;
