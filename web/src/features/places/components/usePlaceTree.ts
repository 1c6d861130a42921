import type { PlaceSummary } from '@anju/contracts';
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

const toNode = (p: PlaceSummary, pId: string | null): PlaceNode => ({
  id: p.id,
  pId,
  value: p.id,
  title: p.name,
  isLeaf: p.childCount === 0,
  place: p,
});

/** A flat, lazily grown list of tree nodes: the roots, plus the children of every opened node. */
export function usePlaceTree(roots: PlaceSummary[] | undefined) {
  const [loaded, setLoaded] = useState<PlaceNode[]>([]);
  const nodes = [...(roots ?? []).map((r) => toNode(r, null)), ...loaded];
  const load = useCallback(async (id: string) => {
    const children = await fetchChildren(id);
    setLoaded((prev) => {
      const known = new Set(prev.map((n) => n.id));
      return [...prev, ...children.filter((c) => !known.has(c.id)).map((c) => toNode(c, id))];
    });
  }, []);
  const reset = useCallback(() => setLoaded([]), []);
  return { nodes, load, reset };
}
