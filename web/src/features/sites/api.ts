import type {
  DictionaryEntry,
  HouseholdBenefit,
  IndustryBeneficiaryCreateInput,
  IndustryPaymentCreateInput,
  IndustryPayoutCreateInput,
  IndustryProject,
  IndustryProjectCreateInput,
  IndustryProjectDetail,
  IndustryProjectUpdate,
  SiteDemand,
  SiteDetail,
  SiteFacility,
  SiteFacilityCreateInput,
  SiteFacilityUpdateInput,
  SiteFigures,
  SitesOverview,
  SupportTask,
  SupportTaskCreateInput,
  SupportTaskUpdate,
} from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api.ts';

export type {
  HouseholdBenefit,
  IndustryProject,
  IndustryProjectDetail,
  SiteDemand,
  SiteDetail,
  SiteFacility,
  SiteFigures,
  SupportTask,
};
export {
  BENEFIT_KINDS,
  FACILITY_STATES,
  INDUSTRY_FUND_SOURCES,
  INDUSTRY_KINDS,
  INDUSTRY_STATUSES,
  PLAN_AREAS,
} from '@anju/contracts';

const SITES = ['sites'] as const;

export const useSitesOverview = (place?: string) =>
  useQuery({
    queryKey: [...SITES, 'overview', place],
    queryFn: () => api<SitesOverview>('/sites/overview', { query: { place } }),
  });

export const usePlans = (place?: string) =>
  useQuery({
    queryKey: [...SITES, 'plans', place],
    queryFn: () => api<SupportTask[]>('/sites/plans', { query: { place } }),
  });

export const useSite = (id: string) =>
  useQuery({ queryKey: [...SITES, 'site', id], queryFn: () => api<SiteDetail>(`/sites/${id}`) });

export const useProject = (id: string) =>
  useQuery({
    queryKey: [...SITES, 'project', id],
    queryFn: () => api<IndustryProjectDetail>(`/industry-projects/${id}`),
  });

export const useHouseholdBenefits = (householdId: string) =>
  useQuery({
    queryKey: [...SITES, 'household', householdId],
    queryFn: () => api<HouseholdBenefit[]>(`/households/${householdId}/industry-benefits`),
  });

/** The facility kinds with labels in the UI language. */
export function useFacilityKinds() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['dictionary', 'facility_kind'],
    queryFn: () => api<DictionaryEntry[]>('/dictionaries/facility_kind'),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const kinds = query.data ?? [];
  const label = (code: string) => {
    const e = kinds.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  return { ...query, label, options: kinds.map((d) => ({ value: d.code, label: label(d.code) })) };
}

function useSitesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: SITES }) });
}

export const useSaveFacility = () =>
  useSitesMutation((v: { id?: string; body: SiteFacilityCreateInput | SiteFacilityUpdateInput }) =>
    v.id
      ? api<SiteFacility>(`/site-facilities/${v.id}`, { method: 'PATCH', body: v.body })
      : api<SiteFacility>('/site-facilities', { method: 'POST', body: v.body }),
  );

export const useSaveProject = () =>
  useSitesMutation((v: { id?: string; body: IndustryProjectCreateInput | IndustryProjectUpdate }) =>
    v.id
      ? api<IndustryProjectDetail>(`/industry-projects/${v.id}`, { method: 'PATCH', body: v.body })
      : api<IndustryProjectDetail>('/industry-projects', { method: 'POST', body: v.body }),
  );

export const useLinkHousehold = (projectId: string) =>
  useSitesMutation((body: IndustryBeneficiaryCreateInput) =>
    api<IndustryProjectDetail>(`/industry-projects/${projectId}/households`, { method: 'POST', body }),
  );

export const usePay = (projectId: string) =>
  useSitesMutation((body: IndustryPaymentCreateInput) =>
    api<IndustryProjectDetail>(`/industry-projects/${projectId}/payments`, { method: 'POST', body }),
  );

export const usePayout = (projectId: string) =>
  useSitesMutation((body: IndustryPayoutCreateInput) =>
    api<IndustryProjectDetail>(`/industry-projects/${projectId}/payouts`, { method: 'POST', body }),
  );

export const useSaveTask = () =>
  useSitesMutation((v: { id?: string; body: SupportTaskCreateInput | SupportTaskUpdate }) =>
    v.id
      ? api<SupportTask>(`/support-tasks/${v.id}`, { method: 'PATCH', body: v.body })
      : api<SupportTask>('/support-tasks', { method: 'POST', body: v.body }),
  );
