import type { IncidentReport, LocationKind } from '@anju/contracts';
import { invalid } from '../../platform/errors.ts';

/** The levels of place each way of saying where may name. */
const PLACE_LEVELS: Record<LocationKind, readonly string[]> = {
  home: ['dwelling'],
  building: ['building'],
  area: ['community', 'grid'],
  point: ['community', 'grid', 'building'],
};

/** Checks that the place (and the point) fit how the reporter said where it happened. */
export function checkLocation(input: IncidentReport, placeLevel: string) {
  const kind = input.locationKind;
  if (!kind) return;
  if (!PLACE_LEVELS[kind].includes(placeLevel))
    throw invalid('placeId', 'does not fit the location kind {{kind}}', { kind });
  if (kind === 'point' && (input.lat === undefined || input.lng === undefined))
    throw invalid(input.lat === undefined ? 'lat' : 'lng', 'required');
}
