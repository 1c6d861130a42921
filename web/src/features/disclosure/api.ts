import type {
  Disclosure,
  DisclosureCreateInput,
  DisclosureDue,
  DisclosureStep,
  PublicDisclosures,
} from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export type { Disclosure, DisclosureContent, DisclosureDue, PublicDisclosures } from '@anju/contracts';

const DISCLOSURES = ['disclosures'] as const;

export const useDisclosures = () =>
  useQuery({ queryKey: [...DISCLOSURES, 'list'], queryFn: () => api<Disclosure[]>('/disclosures') });

export const useSchedule = () =>
  useQuery({
    queryKey: [...DISCLOSURES, 'schedule'],
    queryFn: () => api<DisclosureDue[]>('/disclosures/schedule'),
  });

function useDisclosureMutation<B>(fn: (body: B) => Promise<Disclosure>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: DISCLOSURES }),
  });
}

export const useDraft = () =>
  useDisclosureMutation((body: DisclosureCreateInput) =>
    api<Disclosure>('/disclosures', { method: 'POST', body }),
  );

export const useStep = (id: string) =>
  useDisclosureMutation((body: DisclosureStep) =>
    api<Disclosure>(`/disclosures/${id}/steps`, { method: 'POST', body }),
  );

export const useCorrect = (id: string) =>
  useDisclosureMutation(() => api<Disclosure>(`/disclosures/${id}/correction`, { method: 'POST' }));

/** A community's published disclosures, for anyone. */
export const usePublicDisclosures = (code: string) =>
  useQuery({
    queryKey: [...DISCLOSURES, 'public', code],
    queryFn: () => api<PublicDisclosures>(`/public/disclosures/${encodeURIComponent(code)}`),
  });
