import type {
  Answers,
  Campaign,
  CampaignCreateInput,
  CampaignDetail,
  CampaignPage,
  CampaignResults,
  Household,
  HouseholdDetail,
  Submission,
  SurveyFormDetail,
  SurveyFormPage,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export type { Answers, Campaign, CampaignDetail, CampaignResults, SurveyFormDetail };

const SURVEYS = ['surveys'] as const;

export const useSurveyForms = (page: number, pageSize: number) =>
  useQuery({
    queryKey: [...SURVEYS, 'forms', page, pageSize],
    queryFn: () => api<SurveyFormPage>('/surveys/forms', { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });

export const useCampaigns = (page: number, pageSize: number) =>
  useQuery({
    queryKey: [...SURVEYS, 'campaigns', page, pageSize],
    queryFn: () => api<CampaignPage>('/surveys/campaigns', { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });

export const useCampaign = (id: string) =>
  useQuery({
    queryKey: [...SURVEYS, 'campaign', id],
    queryFn: () => api<CampaignDetail>(`/surveys/campaigns/${id}`),
  });

export const useCampaignResults = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...SURVEYS, 'results', id],
    queryFn: () => api<CampaignResults>(`/surveys/campaigns/${id}/results`),
    enabled,
  });

/** Imports an XLSForm workbook as a form of `placeId`, with the upload's progress. */
export function useImportForm(onProgress: (percent: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, placeId }: { file: File; placeId: string }) =>
      uploadFile<SurveyFormDetail>('/surveys/forms', file, { placeId }, onProgress),
    onSuccess: () => client.invalidateQueries({ queryKey: SURVEYS }),
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignCreateInput) => api<Campaign>('/surveys/campaigns', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SURVEYS }),
  });
}

export function useSubmitAnswers(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { householdId?: string; personId?: string; answers: Answers }) =>
      api<Submission>(`/surveys/campaigns/${campaignId}/submissions`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SURVEYS }),
  });
}

/** Up to 20 households of the caller's scope by head or number, for answering door to door. */
export const useHouseholdSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['households', 'pick', q],
    queryFn: () => api<{ items: Household[] }>('/households', { query: { q, pageSize: 20 } }),
    enabled,
  });

/** The members of the household answered for, when the campaign asks persons. */
export const useHouseholdMembers = (id: string | undefined) =>
  useQuery({
    queryKey: ['households', 'one', id],
    queryFn: () => api<HouseholdDetail>(`/households/${id}`),
    enabled: !!id,
  });
