import type {
  Enterprise,
  EnterpriseCreateInput,
  EnterprisePage,
  EnterpriseQueryInput,
  EnterpriseUpdateInput,
  WorkshopTypes,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api.ts';

export type { Enterprise, WorkshopTypes };

const ENTERPRISES = ['enterprises'] as const;

export const useEnterprises = (
  q: Omit<EnterpriseQueryInput, 'page' | 'pageSize'> & { page: number; pageSize: number },
) =>
  useQuery({
    queryKey: [...ENTERPRISES, 'list', q],
    queryFn: () => api<EnterprisePage>('/enterprises', { query: q }),
    placeholderData: keepPreviousData,
  });

/** The workshop types with labels in the UI language, and the recognition criterion. */
export function useWorkshopTypes() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [...ENTERPRISES, 'workshop-types'],
    queryFn: () => api<WorkshopTypes>('/enterprises/workshop-types'),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const types = query.data?.types ?? [];
  const label = (code: string) => {
    const e = types.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  const options = types.map((d) => ({ value: d.code, label: english ? d.labelEn : d.labelZh }));
  const source = query.data && (english ? query.data.sourceEn : query.data.sourceZh);
  return { ...query, label, options, source };
}

/** Registers an enterprise (no id) or changes one from the version read. */
export function useSaveEnterprise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: EnterpriseCreateInput | EnterpriseUpdateInput }) =>
      v.id
        ? api<Enterprise>(`/enterprises/${v.id}`, { method: 'PATCH', body: v.body })
        : api<Enterprise>('/enterprises', { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ENTERPRISES }),
  });
}
