import type { Grid, GridBoundary, GridBuilding, GridMap, RegridResult, SiteMap } from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

/** The grids of a community the user sees, with boundaries and counts against the household norm. */
export function useGridMap(communityId: string | undefined) {
  return useQuery({
    queryKey: ['grids', 'map', communityId],
    queryFn: () => api<GridMap>(`/communities/${communityId}/grid-map`),
    enabled: !!communityId,
  });
}

/** The community a place is or lies in, drawn from Anju's own data: grids, buildings where they stand. */
export function useSiteMap(placeId: string | undefined) {
  return useQuery({
    queryKey: ['grids', 'site-map', placeId],
    queryFn: () => api<SiteMap>('/site-map', { query: { place: placeId! } }),
    enabled: !!placeId,
    staleTime: 5 * 60_000,
  });
}

export function useGridBuildings(gridId: string | undefined) {
  return useQuery({
    queryKey: ['grids', 'buildings', gridId],
    queryFn: () => api<GridBuilding[]>(`/grids/${gridId}/buildings`),
    enabled: !!gridId,
  });
}

/** Grid workers the community may assign (accounts holding grid_worker inside it). */
export function useWorkerCandidates(communityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['grids', 'worker-candidates', communityId],
    queryFn: () => api<{ id: string; displayName: string }[]>(`/communities/${communityId}/grid-workers`),
    enabled: !!communityId && enabled,
  });
}

function useGridMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['grids'] }),
  });
}

export const useCreateGrid = (communityId: string) =>
  useGridMutation((body: { name: string }) =>
    api<Grid>(`/communities/${communityId}/grids`, { method: 'POST', body }),
  );

export const useSaveBoundary = () =>
  useGridMutation(({ id, ...body }: { id: string; boundary: GridBoundary; version: number }) =>
    api<Grid>(`/grids/${id}/boundary`, { method: 'PUT', body }),
  );

export const useSetWorkers = () =>
  useGridMutation(({ id, ...body }: { id: string; userIds: string[]; version: number }) =>
    api<Grid>(`/grids/${id}/workers`, { method: 'PUT', body }),
  );

export const useRegrid = () =>
  useGridMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      toGridId: string;
      buildingIds: string[];
      version: number;
      toVersion: number;
    }) => api<RegridResult>(`/grids/${id}/regrid`, { method: 'POST', body }),
  );
