import type { PlaceLevel, PlaceSummary } from '@anju/contracts';
import { useCallback, useState } from 'react';
import { fetchChildren } from '../api.ts';

export interface PlaceNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  place: PlaceSummary;
}

/** The places of `levels` (all when not given) as tree nodes, the last level opening no further. */
function nodesOf(places: PlaceSummary[], pId: string | null, levels: string | undefined): PlaceNode[] {
  const wanted = levels?.split(',');
  return places
    .filter((p) => !wanted || wanted.includes(p.level))
    .map((p) => ({
      id: p.id,
      pId,
      value: p.id,
      title: p.name,
      isLeaf: p.childCount === 0 || p.level === wanted?.at(-1),
      place: p,
    }));
}

/**
 * A flat, lazily grown list of tree nodes: the roots, plus the children of every opened node; with
 * `levels` (top down), only places of those levels.
 */
export function usePlaceTree(roots: PlaceSummary[] | undefined, levels?: readonly PlaceLevel[]) {
  const [loaded, setLoaded] = useState<PlaceNode[]>([]);
  const key = levels?.join(',');
  const nodes = [...nodesOf(roots ?? [], null, key), ...loaded];
  const load = useCallback(
    async (id: string) => {
      const children = await fetchChildren(id);
      setLoaded((prev) => {
        const known = new Set(prev.map((n) => n.id));
        const fresh = children.filter((c) => !known.has(c.id));
        return [...prev, ...nodesOf(fresh, id, key)];
      });
    },
    [key],
  );
  const reset = useCallback(() => setLoaded([]), []);
  return { nodes, load, reset };
}
