import type {
  Allocation,
  Credibility,
  NeedMatches,
  ProgressReportCreateInput,
  ServiceProjectCreateInput,
  ServiceProjectDetail,
  ServiceProjectPage,
  ServiceProjectQueryInput,
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
import { uploadFile } from '../../ui/upload.ts';

export type { Need, NeedDetail, Resource, ServiceProjectDetail, SocialOrg } from '@anju/contracts';

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

/** The projects list (项目清单): officials see their scope's, a provider its own, a resident those serving them. */
export const useProjects = (q: Paged<ServiceProjectQueryInput>) =>
  useQuery({
    queryKey: [...SERVICES, 'projects', q],
    queryFn: () => api<ServiceProjectPage>('/service-projects', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useProject = (id: string) =>
  useQuery({
    queryKey: [...SERVICES, 'project', id],
    queryFn: () => api<ServiceProjectDetail>(`/service-projects/${id}`),
  });

export function useStartProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceProjectCreateInput) =>
      api<ServiceProjectDetail>('/service-projects', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

/** A write on a project (`served`, `milestones`, `ratings`, `complaints`, `evaluation`) or a milestone reached. */
export function useProjectWrite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; body: unknown }) =>
      api<ServiceProjectDetail>(v.path.startsWith('/') ? v.path : `/service-projects/${id}/${v.path}`, {
        method: 'POST',
        body: v.body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

/** A progress report, then its photos one by one. */
export function useReportProgress(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: { body: ProgressReportCreateInput; photos: File[] }) => {
      const made = await api<{ id: string }>(`/service-projects/${id}/reports`, {
        method: 'POST',
        body: v.body,
      });
      for (const file of v.photos) await uploadFile(`/service-reports/${made.id}/photos`, file, {}, () => {});
      return made;
    },
    onSettled: () => client.invalidateQueries({ queryKey: SERVICES }),
  });
}

export const useCredibility = (orgId: string | undefined) =>
  useQuery({
    queryKey: [...SERVICES, 'credibility', orgId],
    queryFn: () => api<Credibility>(`/services/organizations/${orgId}/credibility`),
    enabled: !!orgId,
  });

export const useOrg = (id: string) =>
  useQuery({
    queryKey: [...SERVICES, 'org', id],
    queryFn: () => api<SocialOrg>(`/services/organizations/${id}`),
  });

/** The providers ranked for an open need and the resources at its place, asked only when `enabled`. */
export const useMatches = (needId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...SERVICES, 'matches', needId],
    queryFn: () => api<NeedMatches>(`/services/needs/${needId}/matches`),
    enabled,
  });
