import type {
  FundAccount,
  FundAccountCreate,
  FundBudgetSet,
  FundEntry,
  FundEntryCreateInput,
  FundEntryDecide,
  FundEntryPage,
  FundEntryQueryInput,
  FundEntryReverse,
  FundExecution,
  FundSetup,
  FundStatement,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export type { FundAccount, FundEntry, FundExecution, FundStatement } from '@anju/contracts';

const FUNDS = ['funds'] as const;
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** The account kinds and categories with labels in the UI language, and the township threshold. */
export function useFundSetup() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [...FUNDS, 'setup'],
    queryFn: () => api<FundSetup>('/funds/setup'),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const labelOf = (list: FundSetup['categories'] | undefined) => (code: string) => {
    const e = list?.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  return {
    ...query,
    category: labelOf(query.data?.categories),
    kind: labelOf(query.data?.accountKinds),
    source: english ? query.data?.thresholdSourceEn : query.data?.thresholdSourceZh,
  };
}

export const useAccounts = (placeId?: string) =>
  useQuery({
    queryKey: [...FUNDS, 'accounts', placeId ?? ''],
    queryFn: () => api<FundAccount[]>('/funds/accounts', { query: { placeId } }),
  });

export const useEntries = (q: Paged<FundEntryQueryInput>) =>
  useQuery({
    queryKey: [...FUNDS, 'entries', q],
    queryFn: () => api<FundEntryPage>('/funds/entries', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useEntry = (id: string) =>
  useQuery({ queryKey: [...FUNDS, 'entry', id], queryFn: () => api<FundEntry>(`/funds/entries/${id}`) });

export const journalExportUrl = (q: Omit<FundEntryQueryInput, 'page' | 'pageSize'>) =>
  apiUrl('/funds/entries/export', q);

export const voucherUrl = (id: string) => apiUrl(`/funds/vouchers/${id}`);

function useFundsMutation<B, T>(fn: (body: B) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: FUNDS }) });
}

export const useOpenAccount = () =>
  useFundsMutation((body: Omit<FundAccountCreate, 'placeId'> & { placeId: string }) =>
    api<FundAccount>('/funds/accounts', { method: 'POST', body }),
  );

export const useRecordEntry = () =>
  useFundsMutation((body: FundEntryCreateInput) =>
    api<FundEntry>('/funds/entries', { method: 'POST', body }),
  );

export const useDecide = (id: string) =>
  useFundsMutation((body: FundEntryDecide) =>
    api<FundEntry>(`/funds/entries/${id}/decisions`, { method: 'POST', body }),
  );

export const useReverse = (id: string) =>
  useFundsMutation((body: FundEntryReverse) =>
    api<FundEntry>(`/funds/entries/${id}/reversal`, { method: 'POST', body }),
  );

export const useAddVoucher = (id: string) =>
  useFundsMutation((file: File) =>
    uploadFile<FundEntry>(`/funds/entries/${id}/vouchers`, file, {}, () => {}),
  );

export const useStatement = (accountId: string | undefined, month: string) =>
  useQuery({
    queryKey: [...FUNDS, 'statement', accountId, month],
    queryFn: () => api<FundStatement>(`/funds/accounts/${accountId}/statements/${month}`),
    enabled: !!accountId,
  });

export const useCloseMonth = (accountId: string) =>
  useFundsMutation((month: string) =>
    api<FundStatement>(`/funds/accounts/${accountId}/closes`, { method: 'POST', body: { month } }),
  );

export const useExecution = (placeId: string | undefined, year: number) =>
  useQuery({
    queryKey: [...FUNDS, 'execution', placeId, year],
    queryFn: () => api<FundExecution>('/funds/execution', { query: { placeId, year } }),
    enabled: !!placeId,
  });

export const useSetBudget = () =>
  useFundsMutation((body: Omit<FundBudgetSet, 'placeId'> & { placeId: string }) =>
    api<FundExecution>('/funds/budgets', { method: 'PUT', body }),
  );

/** Fen as yuan with two decimals, exactly. */
export function yuan(fen: string | number) {
  const n = BigInt(fen);
  const abs = n < 0n ? -n : n;
  const whole = (abs / 100n).toLocaleString('en-US');
  return `${n < 0n ? '-' : ''}${whole}.${String(abs % 100n).padStart(2, '0')}`;
}
