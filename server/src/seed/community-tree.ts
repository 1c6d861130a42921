import { initialsOf } from '../modules/places/initials.ts';
import type { IdPool, PlaceRow } from './place-rows.ts';
import type { GeneratedBuilding, GeneratedCommunity, GeneratedGrid } from './registry.ts';
import type { Rng } from './rng.ts';
import type { SitePlan } from './site-plan.ts';

const VACANCY = 0.03;
const initialsCache = new Map<string, string>();
const initials = (name: string) => {
  let v = initialsCache.get(name);
  if (v === undefined) initialsCache.set(name, (v = initialsOf(name)));
  return v;
};

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 12 → 十二, 35 → 三十五 (grid names are written the Chinese way). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** Splits households into grids of 300–500 (one grid when the site is smaller than that). */
export function gridSizes(households: number): number[] {
  const count = Math.max(1, Math.ceil(households / 500));
  const base = Math.floor(households / count);
  return Array.from({ length: count }, (_, i) => base + (i < households % count ? 1 : 0));
}

interface BuildingShape {
  name: string;
  attributes: Record<string, unknown>;
  /** [name, attributes] of each dwelling, in order. */
  dwellings: [string, Record<string, unknown>][];
}

const area = (rng: Rng) =>
  rng.weighted([
    [60, 0.2],
    [80, 0.35],
    [100, 0.3],
    [120, 0.15],
  ] as const);

/** Urban towers (6–33 floors) and town walk-ups (5–7 floors) of 2–6 units, two flats a floor; rural rows of 2–3 storey houses. */
function buildingShape(
  rng: Rng,
  type: SitePlan['resettlementType'],
  no: number,
  need: number,
): BuildingShape {
  if (type === 'village') {
    const houses = Math.min(need, rng.int(4, 10));
    const storeys = rng.int(2, 3);
    return {
      name: `${no}排`,
      attributes: { storeys, houses },
      dwellings: Array.from({ length: houses }, (_, i) => [
        `${no}排${i + 1}号`,
        { floor: 1, room: `${i + 1}`, areaM2: area(rng) },
      ]),
    };
  }
  const units = type === 'urban' ? rng.int(2, 6) : rng.int(2, 4);
  const perFloor = units * 2;
  let floors =
    type === 'urban'
      ? rng.weighted([
          [6, 1],
          [11, 2],
          [18, 3],
          [26, 2],
          [33, 1],
        ] as const)
      : rng.int(5, 7);
  floors = Math.min(floors, Math.max(type === 'urban' ? 6 : 5, Math.ceil(need / perFloor)));
  const dwellings: BuildingShape['dwellings'] = [];
  for (let unit = 1; unit <= units; unit++) {
    for (let floor = 1; floor <= floors; floor++) {
      for (let flat = 1; flat <= 2; flat++) {
        const room = `${floor}${String(flat).padStart(2, '0')}`;
        dwellings.push([`${unit}单元${room}室`, { floor, unit, room, areaM2: area(rng) }]);
      }
    }
  }
  return { name: `${no}栋`, attributes: { floors, units }, dwellings };
}

/**
 * Lays out one community — grids, buildings, dwellings (one per household plus ~3 % vacant) —
 * as place rows with ids from `ids` (reserve enough first). Rows come parents first.
 */
export function communityRows(
  rng: Rng,
  plan: SitePlan,
  code: string,
  ids: IdPool,
): { rows: PlaceRow[]; community: GeneratedCommunity } {
  const { township } = plan;
  const rows: PlaceRow[] = [];
  const place = (
    parent: PlaceRow | undefined,
    level: string,
    code: string | null,
    name: string,
    attributes: Record<string, unknown>,
  ) => {
    const id = ids.next();
    const row: PlaceRow = {
      id,
      parentId: parent?.id ?? township.id,
      level,
      code,
      name,
      initials: initials(name),
      path: `${parent?.path ?? township.path}${id}/`,
      depth: (parent?.depth ?? township.depth) + 1,
      childCount: 0,
      attributes,
    };
    if (parent) parent.childCount++;
    rows.push(row);
    return row;
  };

  const sizes = gridSizes(plan.households);
  const dwellingsTotal = Math.ceil(plan.households * (1 + VACANCY));
  const communityRow = place(undefined, 'community', code, plan.name, {
    resettlementType: plan.resettlementType,
    openedYear: plan.openedYear,
    capacityHouseholds: dwellingsTotal,
    originCountyCodes: plan.originCountyCodes,
  });
  const grids: GeneratedGrid[] = [];
  let buildingNo = 0;
  for (const [i, households] of sizes.entries()) {
    const gridCode = `${code}${String(i + 1).padStart(3, '0')}`;
    const gridRow = place(communityRow, 'grid', gridCode, `第${chineseNumber(i + 1)}网格`, {});
    const need = Math.ceil(households * (1 + VACANCY));
    const dwellingIds: number[] = [];
    const buildingOfDwelling: GeneratedBuilding[] = [];
    const buildings: GeneratedBuilding[] = [];
    while (dwellingIds.length < need) {
      const shape = buildingShape(rng, plan.resettlementType, ++buildingNo, need - dwellingIds.length);
      // building codes stay with the community, so re-gridding never changes them
      const buildingCode = `${code}B${String(buildingNo).padStart(3, '0')}`;
      const buildingRow = place(gridRow, 'building', buildingCode, shape.name, shape.attributes);
      const building: GeneratedBuilding = { id: buildingRow.id, occupiedDwellingIds: [] };
      buildings.push(building);
      for (const [name, attributes] of shape.dwellings) {
        const dwellingCode = `${buildingCode}-${attributes.unit ?? 0}-${attributes.room}`;
        dwellingIds.push(place(buildingRow, 'dwelling', dwellingCode, name, attributes).id);
        buildingOfDwelling.push(building);
      }
    }
    const occupied = rng
      .shuffle(dwellingIds.map((_, k) => k))
      .slice(0, households)
      .sort((a, b) => a - b);
    for (const k of occupied) buildingOfDwelling[k].occupiedDwellingIds.push(dwellingIds[k]);
    grids.push({ id: gridRow.id, code: gridCode, households, buildings });
  }
  const community: GeneratedCommunity = {
    id: communityRow.id,
    code,
    name: plan.name,
    townshipCode: township.code,
    resettlementType: plan.resettlementType,
    openedYear: plan.openedYear,
    people: plan.people,
    households: plan.households,
    originCountyCodes: plan.originCountyCodes,
    grids,
  };
  return { rows, community };
}
