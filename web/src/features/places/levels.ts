import type { Place, PlaceLevel } from '@anju/contracts';

/** What may be added under each level (mirrors the server's rule). */
export const CHILD_LEVELS: Partial<
  Record<PlaceLevel, Array<'community' | 'grid' | 'building' | 'dwelling'>>
> = {
  township: ['community'],
  community: ['grid', 'building'],
  grid: ['building'],
  building: ['dwelling'],
};

/** Administrative divisions follow official codes; only community and below can be renamed. */
export const RENAMEABLE: PlaceLevel[] = ['community', 'grid', 'building', 'dwelling'];

/** The optimistic-lock version of a place; the Place contract does not carry one yet, so 1 until it does. */
export const versionOf = (place: Place) =>
  'version' in place && typeof place.version === 'number' ? place.version : 1;
