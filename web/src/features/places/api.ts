import type { Division, Place, PlaceCreate, PlaceLevel, PlaceSummary } from '@anju/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The places a user starts browsing from: their scope roots, or the provinces for tree-wide admins. */
export function usePlaceRoots(enabled = true) {
  return useQuery({
    queryKey: ['places', 'roots'],
    queryFn: () => api<PlaceSummary[]>('/places/roots'),
    enabled,
    staleTime: 60_000,
  });
}

export function usePlace(id: string | undefined) {
  return useQuery({
    queryKey: ['places', 'one', id],
    queryFn: () => api<Place>(`/places/${id}`),
    enabled: !!id,
  });
}

export function usePlaceChildren(id: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['places', 'children', id, page, pageSize],
    queryFn: () => api<Page<PlaceSummary>>(`/places/${id}/children`, { query: { page, pageSize } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** One page of up to 500 children, for lazily opened tree nodes. */
export const fetchChildren = (id: string) =>
  api<Page<PlaceSummary>>(`/places/${id}/children`, { query: { pageSize: 500 } }).then((p) => p.items);

/** Places of `levels` (any when empty) by name, pinyin initials or code, within the user's scope. */
export function usePlaceSearch(q: string, levels: PlaceLevel[] = []) {
  const query = { q, limit: 20, ...(levels.length ? { levels: levels.join(',') } : {}) };
  return useQuery({
    queryKey: ['places', 'search', q, levels.join(',')],
    queryFn: () => api<PlaceSummary[]>('/places/search', { query }),
    enabled: q.trim().length > 0,
  });
}

/** Administrative divisions of `levels` anywhere, by name, pinyin initials or code; none asked, none found. */
export function useDivisionSearch(q: string, levels: PlaceLevel[]) {
  return useQuery({
    queryKey: ['divisions', 'search', q, levels.join(',')],
    queryFn: () =>
      api<Division[]>('/divisions/search', { query: { q, levels: levels.join(','), limit: 20 } }),
    enabled: q.length > 0 && levels.length > 0,
  });
}

export function useCreatePlace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<PlaceCreate, 'attributes'> & { attributes?: PlaceCreate['attributes'] }) =>
      api<Place>('/places', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['places'] }),
  });
}

export function useRenamePlace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      name: string;
      attributes?: Place['attributes'];
      version: number;
    }) => api<Place>(`/places/${id}`, { method: 'PATCH', body }),
    onSuccess: (place) => {
      // The answer carries the new version, so the next rename needs no reload.
      client.setQueryData(['places', 'one', place.id], place);
      return client.invalidateQueries({ queryKey: ['places'] });
    },
  });
}

/** All children (up to 500) of each of `ids`, one query a place. */
export const useChildrenOfEach = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: ['places', 'children-all', id],
      queryFn: () => fetchChildren(id),
    })),
  });

/** All children (up to 500) of one place. */
export const useAllChildren = (id: string, enabled = true) =>
  useQuery({ queryKey: ['places', 'children-all', id], queryFn: () => fetchChildren(id), enabled });
