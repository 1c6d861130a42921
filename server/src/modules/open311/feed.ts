import type { RequestRow } from './open311.repo.ts';
import type { Value } from './xml.ts';

/**
 * A request as the keyless public feed shows it: category, status, times and the community, never
 * the dwelling, position or handlers' notes; the description only when an official marked it publishable.
 */
export function publicView(full: Record<string, Value>, r: RequestRow): Value {
  return {
    ...full,
    status_notes: null,
    description: r.public_description ? full.description : null,
    address: r.community,
    address_id: null,
    lat: null,
    long: null,
  };
}
