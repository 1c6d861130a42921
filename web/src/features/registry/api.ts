import type {
  DictionaryEntry,
  DutyAssignment,
  HistoryEntry,
  Household,
  HouseholdCreate,
  HouseholdDetail,
  ImportJob,
  LifeEventInput,
  Person,
  PersonUpdate,
  SavedFilter,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';
import type { Page } from '../places/api.ts';

/** The person list's filters, as query parameters (all strings, so they can be saved and restored). */
export type PersonFilter = Partial<
  Record<
    'q' | 'phoneTail' | 'tags' | 'labour' | 'sex' | 'ageMin' | 'ageMax' | 'side' | 'sort' | 'order',
    string
  >
>;

/** A whole ID or phone number searched for: kept out of the address and saved filters, sent in a body. */
export interface PersonFind {
  idNumber?: string;
  phone?: string;
}

export interface HouseholdFilter {
  q?: string;
  povertyStatus?: string;
}

export type { DictionaryEntry, HistoryEntry, SavedFilter };
/** A duty an official holds for a person. */
export type Duty = DutyAssignment;

export type RevealField = 'idNumber' | 'phone';

/** The people matching `filter`; with `find`, those with that whole number (a POST search, audited). */
export function usePersons(
  filter: PersonFilter,
  under: string | undefined,
  page: number,
  pageSize: number,
  find?: PersonFind,
) {
  return useQuery({
    queryKey: ['persons', 'list', filter, under, page, pageSize, find],
    queryFn: () =>
      find
        ? api<Page<Person>>('/persons/search', {
            method: 'POST',
            body: { ...filter, ...find, under, page, pageSize },
          })
        : api<Page<Person>>('/persons', { query: { ...filter, under, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** The download address of the filtered people as an Excel or CSV file (masked, audited by the server). */
export const personsExportUrl = (filter: PersonFilter, under: string | undefined, format: 'xlsx' | 'csv') =>
  apiUrl('/persons/export', { ...filter, under, format });

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['persons', 'one', id],
    queryFn: () => api<Person>(`/persons/${id}`),
    enabled: !!id,
  });
}

export function usePersonHistory(id: string) {
  return useQuery({
    queryKey: ['persons', 'history', id],
    queryFn: () => api<HistoryEntry[]>(`/persons/${id}/history`),
  });
}

export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonUpdate) => api<Person>(`/persons/${id}`, { method: 'PATCH', body }),
    onSuccess: (person) => {
      client.setQueryData(['persons', 'one', id], person);
      return client.invalidateQueries({ queryKey: ['persons'] });
    },
  });
}

export const revealPerson = (id: string, field: RevealField) =>
  api<{ field: RevealField; value: string | null }>(`/persons/${id}/reveal`, {
    method: 'POST',
    body: { field },
  });

export function useDuties(id: string) {
  return useQuery({
    queryKey: ['persons', 'duties', id],
    queryFn: () => api<Duty[]>(`/persons/${id}/duties`),
  });
}

export function useSetDuties(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Duty[]) => api<Duty[]>(`/persons/${id}/duties`, { method: 'PUT', body }),
    onSuccess: (duties) => client.setQueryData(['persons', 'duties', id], duties),
  });
}

/** A configurable code list (person_tag, jurisdiction_duty) with Chinese and English labels. */
export function useDictionary(kind: 'person_tag' | 'jurisdiction_duty') {
  return useQuery({
    queryKey: ['dictionary', kind],
    queryFn: () => api<DictionaryEntry[]>(`/dictionaries/${kind}`),
    staleTime: 10 * 60_000,
  });
}

export function useSavedFilters(list: 'persons' | 'households') {
  return useQuery({
    queryKey: ['saved-filters', list],
    queryFn: () => api<SavedFilter[]>('/saved-filters', { query: { list } }),
  });
}

export function useSaveFilter(list: 'persons' | 'households') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; params: Record<string, string> }) =>
      api<SavedFilter>('/saved-filters', { method: 'POST', body: { ...body, list } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-filters', list] }),
  });
}

export function useDeleteFilter(list: 'persons' | 'households') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/saved-filters/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-filters', list] }),
  });
}

export function useHouseholds(
  filter: HouseholdFilter,
  under: string | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ['households', 'list', filter, under, page, pageSize],
    queryFn: () => api<Page<Household>>('/households', { query: { ...filter, under, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: ['households', 'one', id],
    queryFn: () => api<HouseholdDetail>(`/households/${id}`),
    enabled: !!id,
  });
}

export function useHouseholdHistory(id: string) {
  return useQuery({
    queryKey: ['households', 'history', id],
    queryFn: () => api<HistoryEntry[]>(`/households/${id}/history`),
  });
}

/** After a household changes, its detail comes from the answer and every list and history reloads. */
function useHouseholdMutation<V>(call: (v: V) => Promise<HouseholdDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (household) => {
      client.setQueryData(['households', 'one', household.id], household);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['households'] }),
        client.invalidateQueries({ queryKey: ['persons'] }),
      ]);
    },
  });
}

export const useCreateHousehold = () =>
  useHouseholdMutation((body: HouseholdCreate) =>
    api<HouseholdDetail>('/households', { method: 'POST', body }),
  );

export interface HouseholdPatch {
  relocationYear?: number | null;
  resettlementType?: Household['resettlementType'];
  povertyStatus?: Household['povertyStatus'];
  version: number;
}

export const useUpdateHousehold = (id: string) =>
  useHouseholdMutation((body: HouseholdPatch) =>
    api<HouseholdDetail>(`/households/${id}`, { method: 'PATCH', body }),
  );

export const useLifeEvent = (id: string) =>
  useHouseholdMutation((body: LifeEventInput) =>
    api<HouseholdDetail>(`/households/${id}/events`, { method: 'POST', body }),
  );

export const TEMPLATE_URL = apiUrl('/registry/import-template');
/** The error report of an import, in the reader's language. */
export const errorsUrl = (id: string, lang: string) =>
  apiUrl(`/registry/imports/${id}/errors.xlsx`, { lang });

/** Uploads a file, showing the upload's progress; resolves to the new job. */
export const uploadImport = (file: File, onProgress: (percent: number) => void) =>
  uploadFile<ImportJob>('/registry/imports', file, {}, onProgress);

const RUNNING = new Set(['validating', 'committing']);

/** An import job, polled every second while it validates or commits; errors paged. */
export function useImportJob(id: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['imports', id, page, pageSize],
    queryFn: () => api<ImportJob>(`/registry/imports/${id}`, { query: { page, pageSize } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.status) ? 1000 : false),
  });
}

export function useCommitImport(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (skipBadRows: boolean) =>
      api<ImportJob>(`/registry/imports/${id}/commit`, { method: 'POST', body: { skipBadRows } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['imports', id] }),
        client.invalidateQueries({ queryKey: ['persons'] }),
        client.invalidateQueries({ queryKey: ['households'] }),
      ]),
  });
}
