import type { PlaceLevel } from '@anju/contracts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** The place the user is working on; lists filter by it and pages that work on one community start from it. */
export interface ScopePlace {
  id: string;
  name: string;
  /** Known when picked from the place tree or the user's own scope. */
  level?: PlaceLevel;
}

const STORAGE_KEY = 'anju.scope';

function stored(): ScopePlace | null {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as ScopePlace | null;
    return value && typeof value.id === 'string' && typeof value.name === 'string' ? value : null;
  } catch {
    return null;
  }
}

interface ScopeState {
  scope: ScopePlace | null;
  setScope(place: ScopePlace | null): void;
  /** Whether the page shown has a scope control of its own, so the header shows none. */
  pageControl: boolean;
  setPageControls(change: (count: number) => number): void;
}

const ScopeContext = createContext<ScopeState>({
  scope: null,
  setScope: () => {},
  pageControl: false,
  setPageControls: () => {},
});

export function ScopeProvider({ children }: { children: ReactNode }) {
  const [scope, set] = useState<ScopePlace | null>(stored);
  const [pageControls, setPageControls] = useState(0);
  const setScope = (place: ScopePlace | null) => {
    if (place) localStorage.setItem(STORAGE_KEY, JSON.stringify(place));
    else localStorage.removeItem(STORAGE_KEY);
    set(place);
  };
  return (
    <ScopeContext.Provider value={{ scope, setScope, pageControl: pageControls > 0, setPageControls }}>
      {children}
    </ScopeContext.Provider>
  );
}

export const useScope = () => useContext(ScopeContext);

/** Marks the page as holding its own scope control (a community or area picker): one control a page. */
export function usePageScopeControl() {
  const { setPageControls } = useScope();
  useEffect(() => {
    setPageControls((n) => n + 1);
    return () => setPageControls((n) => n - 1);
  }, [setPageControls]);
}
