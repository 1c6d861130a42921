import { useState } from 'react';
import { insertVertex, type Position } from './geometry.ts';
import type { Draft } from './components/GridMapChart.tsx';

/** The boundary being drawn for one grid, with an undo history of its shapes. */
export function useDraft() {
  const [gridId, setGridId] = useState<string>();
  const [history, setHistory] = useState<Draft[]>([]);
  const draft = history.at(-1);
  const push = (next: Draft) => setHistory((h) => [...h, next]);

  return {
    gridId,
    draft: gridId ? (draft ?? { vertices: [], closed: false }) : undefined,
    canUndo: history.length > 1 || (history.length === 1 && history[0].vertices.length > 0),
    start(id: string, vertices: Position[]) {
      setGridId(id);
      setHistory([{ vertices, closed: vertices.length >= 3 }]);
    },
    stop() {
      setGridId(undefined);
      setHistory([]);
    },
    /** A click: appended while the ring is open, inserted on the nearest edge once it is closed. */
    add(p: Position) {
      const d = draft ?? { vertices: [], closed: false };
      push({ ...d, vertices: d.closed ? insertVertex(d.vertices, p) : [...d.vertices, p] });
    },
    /** A drag begins: the shape before it is kept, so one undo takes the whole drag back. */
    keep() {
      if (draft) push(draft);
    },
    /** Each step of a drag replaces the last shape rather than recording every step. */
    move(index: number, p: Position) {
      setHistory((h) => {
        const d = h.at(-1)!;
        const next = { ...d, vertices: d.vertices.map((v, i) => (i === index ? p : v)) };
        return [...h.slice(0, -1), next];
      });
    },
    close() {
      if (draft && draft.vertices.length >= 3) push({ ...draft, closed: true });
    },
    undo() {
      setHistory((h) => (h.length > 1 ? h.slice(0, -1) : [{ vertices: [], closed: false }]));
    },
    clear() {
      push({ vertices: [], closed: false });
    },
  };
}
