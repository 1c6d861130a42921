import type { PlaceLevel } from '@anju/contracts';

/** Administrative divisions follow official codes; only community and below can be renamed. */
export const RENAMEABLE: PlaceLevel[] = ['community', 'grid', 'building', 'dwelling'];
