import { createContext, useContext, useState, type ReactNode } from 'react';

/** The place the user is working on; lists of later modules filter by it. */
export interface ScopePlace {
  id: string;
  name: string;
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
}

const ScopeContext = createContext<ScopeState>({ scope: null, setScope: () => {} });

export function ScopeProvider({ children }: { children: ReactNode }) {
  const [scope, set] = useState<ScopePlace | null>(stored);
  const setScope = (place: ScopePlace | null) => {
    if (place) localStorage.setItem(STORAGE_KEY, JSON.stringify(place));
    else localStorage.removeItem(STORAGE_KEY);
    set(place);
  };
  return <ScopeContext.Provider value={{ scope, setScope }}>{children}</ScopeContext.Provider>;
}

export const useScope = () => useContext(ScopeContext);
