import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters and page kept in the address, so a search can be linked, reloaded and gone back to.
 * `set` changes some of them and keeps the rest; an empty value leaves the address.
 * `pagination` is the table's paging without its total.
 */
export function useListParams<F>(keys: readonly (keyof F & string)[]) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as F;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const set = (next: Record<string, string | undefined>) =>
    setParams(
      Object.fromEntries(
        Object.entries({ ...filter, page: String(page), pageSize: String(pageSize), ...next }).filter(
          (e): e is [string, string] => !!e[1],
        ),
      ),
      { replace: true },
    );
  const pagination = {
    current: page,
    pageSize,
    showTotal: (count: number) => t('common.total', { count }),
    onChange: (p: number, size: number) => set({ page: String(p), pageSize: String(size) }),
  };
  return { filter, page, pageSize, set, pagination };
}
