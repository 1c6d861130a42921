import type { CareMap, HouseholdRef, PartyCandidate, PartyLevel, PartyOrg } from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export type { CareMap, HouseholdRef };
/** A party-member household and the households it looks after. */
export type Carer = CareMap['carers'][number];

export type LevelInput = Pick<PartyLevel, 'placeLevel' | 'labelZh' | 'labelEn'> & {
  kind?: PartyLevel['kind'];
};

export function useLevels() {
  return useQuery({ queryKey: ['party', 'levels'], queryFn: () => api<PartyLevel[]>('/party/levels') });
}

export function usePartyTree(communityId: string | undefined) {
  return useQuery({
    queryKey: ['party', 'tree', communityId],
    queryFn: () => api<PartyOrg[]>(`/communities/${communityId}/party`),
    enabled: !!communityId,
  });
}

/** Who looks after whom in a community, and the households nobody looks after. */
export function useCare(communityId: string | undefined) {
  return useQuery({
    queryKey: ['party', 'care', communityId],
    queryFn: () => api<CareMap>(`/communities/${communityId}/care`),
    enabled: !!communityId,
  });
}

export function useCandidates(orgId: string | undefined) {
  return useQuery({
    queryKey: ['party', 'candidates', orgId],
    queryFn: () => api<PartyCandidate[]>(`/party/orgs/${orgId}/candidates`),
    enabled: !!orgId,
  });
}

function usePartyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['party'] }) });
}

export const useCreateOrg = () =>
  usePartyMutation((body: { placeId: string; name: string }) =>
    api<PartyOrg>('/party/orgs', { method: 'POST', body }),
  );

export const useRenameOrg = () =>
  usePartyMutation(({ id, ...body }: { id: string; name: string; version: number }) =>
    api<PartyOrg>(`/party/orgs/${id}`, { method: 'PATCH', body }),
  );

export const useSetMembers = () =>
  usePartyMutation(
    ({ id, personIds, probationaryIds }: { id: string; personIds: string[]; probationaryIds: string[] }) =>
      api<PartyOrg>(`/party/orgs/${id}/members`, { method: 'PUT', body: { personIds, probationaryIds } }),
  );

export const useSetLinks = () =>
  usePartyMutation(({ id, householdIds }: { id: string; householdIds: string[] }) =>
    api<{ underMin: boolean }>(`/party/orgs/${id}/links`, { method: 'PUT', body: { householdIds } }),
  );

export const useSetLevels = () =>
  usePartyMutation((levels: LevelInput[]) =>
    api<PartyLevel[]>('/party/levels', { method: 'PUT', body: { levels } }),
  );
