import { List, Segmented, Space } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorView } from './ErrorView.tsx';

const PAGE_SIZE = 20;

/** A segmented filter and a page number kept in the address; the first value is the default. */
export function useSegmentedList<V extends string>(key: string, values: readonly V[]) {
  const [params, setParams] = useSearchParams();
  const raw = params.get(key) ?? '';
  const value = (values as readonly string[]).includes(raw) ? (raw as V) : values[0];
  const page = Number(params.get('page') ?? 1) || 1;
  const set = (next: Record<string, string>) => setParams({ [key]: value, page: String(page), ...next });
  return {
    value,
    page,
    pageSize: PAGE_SIZE,
    setValue: (v: V) => set({ [key]: v, page: '1' }),
    setPage: (p: number) => set({ page: String(p) }),
  };
}

interface Props<T, V extends string> {
  state: ReturnType<typeof useSegmentedList<V>>;
  values: readonly V[];
  label: (value: V) => string;
  list: { data?: { items: T[]; total: number }; isLoading: boolean; error: unknown };
  emptyText: string;
  renderItem: (row: T) => ReactNode;
  testId?: string;
}

/** A phone-first list of cards under a segmented filter, paged simply when it needs more than one page. */
export function SegmentedCardList<T, V extends string>({
  state,
  values,
  label,
  list,
  emptyText,
  renderItem,
  testId,
}: Props<T, V>) {
  const total = list.data?.total ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={state.value}
        onChange={(v) => state.setValue(v as V)}
        options={values.map((v) => ({ value: v, label: label(v) }))}
        data-testid={testId}
      />
      {list.error ? (
        <ErrorView error={list.error} />
      ) : (
        <List<T>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText }}
          pagination={
            total > state.pageSize
              ? {
                  current: state.page,
                  pageSize: state.pageSize,
                  total,
                  simple: true,
                  onChange: state.setPage,
                }
              : false
          }
          renderItem={renderItem}
        />
      )}
    </Space>
  );
}
