import { placeLabel } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { placeById as findById } from '../places/places.service.ts';
import { invalid } from '../../platform/errors.ts';

export interface PlaceRef {
  id: number;
  level: string;
  path: string;
  code: string | null;
  name: string;
}

/** A place of one of `levels`, or a validation error on `field`. */
export async function placeOfLevel(
  conn: Conn,
  id: number,
  levels: string[],
  field: string,
): Promise<PlaceRef> {
  const p = await findById(conn, id);
  if (!p || !levels.includes(p.level))
    throw invalid(field, 'must be a {{levels}}', { levels: levels.join(', ') });
  const building = p.level === 'dwelling' && p.parentId ? await findById(conn, p.parentId) : undefined;
  return { id: p.id, level: p.level, path: p.path, code: p.code, name: placeLabel(p, building) };
}

/** The community a path lies in, found among its ancestors. */
export async function communityOf(conn: Conn, path: string): Promise<PlaceRef> {
  const ids = path.split('/').filter(Boolean).map(Number);
  for (const id of ids.reverse()) {
    const p = await findById(conn, id);
    if (p?.level === 'community')
      return { id: p.id, level: p.level, path: p.path, code: p.code, name: p.name };
  }
  throw invalid('dwellingId', 'is not inside a resettlement community');
}
