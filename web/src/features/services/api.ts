import type {
  Allocation,
  AllocationCreateInput,
  NeedCreateInput,
  NeedDetail,
  NeedPage,
  NeedQueryInput,
  NeedStepInput,
  Resource,
  ResourceCreateInput,
  ResourcePage,
  ResourceQueryInput,
  ServiceCategories,
  SocialOrg,
  SocialOrgCreateInput,
  SocialOrgPage,
  SocialOrgQueryInput,
  SocialOrgUpdateInput,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api.ts';

export type { Need, NeedDetail, Resource, SocialOrg } from '@anju/contracts';

const SERVICES = ['services'] as const;
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** The service categories with labels in the UI language. */
export function useCategories() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [...SERVICES, 'categories'],
    queryFn: () => api<ServiceCategories>('/services/categories'),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const entries = query.data?.categories ?? [];
  const label = (code: string) => {
    const e = entries.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  const options = entries.map((d) => ({ value: d.code, label: english ? d.labelEn : d.labelZh }));
  return { ...query, label, options };
}

export const useNeeds = (q: Paged<NeedQueryInput>) =>
  useQuery({
    queryKey: [...SERVICES, 'needs', q],
    queryFn: () => api<NeedPage>('/services/needs', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useNeed = (id: string) =>
  useQuery({ queryKey: [...SERVICES, 'need', id], queryFn: () => api<NeedDetail>(`/services/needs/${id}`) });

/** The organizations a need may be referred to, asked only when `enabled`. */
export const useProviders = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...SERVICES, 'providers', id],
    queryFn: () => api<SocialOrg[]>(`/services/needs/${id}/providers`),
    enabled,
  });

export function useRaiseNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedCreateInput) => api<NeedDetail>('/services/needs', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

/** One step of a need's workflow from the version read. */
export function useNeedStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedStepInput) =>
      api<NeedDetail>(`/services/needs/${id}/steps`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

export const useOrgs = (q: Paged<SocialOrgQueryInput>) =>
  useQuery({
    queryKey: [...SERVICES, 'orgs', q],
    queryFn: () => api<SocialOrgPage>('/services/organizations', { query: q }),
    placeholderData: keepPreviousData,
  });

/** Registers an organization (no id) or changes one from the version read. */
export function useSaveOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: SocialOrgCreateInput | SocialOrgUpdateInput }) =>
      v.id
        ? api<SocialOrg>(`/services/organizations/${v.id}`, { method: 'PATCH', body: v.body })
        : api<SocialOrg>('/services/organizations', { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

export const useResources = (q: Paged<ResourceQueryInput>) =>
  useQuery({
    queryKey: [...SERVICES, 'resources', q],
    queryFn: () => api<ResourcePage>('/services/resources', { query: q }),
    placeholderData: keepPreviousData,
  });

export function useAddResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResourceCreateInput) => api<Resource>('/services/resources', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

export function useAllocate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: AllocationCreateInput }) =>
      api<Allocation>(`/services/resources/${v.id}/allocations`, { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}
