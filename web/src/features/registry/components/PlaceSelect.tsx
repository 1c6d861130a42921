import type { PlaceLevel } from '@anju/contracts';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../ui/api.ts';
import type { PlaceSummary } from '@anju/contracts';

interface Props {
  levels: PlaceLevel[];
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The place already chosen, so its name shows before any search. */
  initial?: { id: string; name: string } | null;
  placeholder?: string;
  testId?: string;
}

/** Finds a place of the given levels by name, pinyin initials or code (within the user's scope). */
export function PlaceSelect({ levels, value, onChange, initial, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const results = useQuery({
    queryKey: ['places', 'search', deferred, levels.join(',')],
    queryFn: () =>
      api<PlaceSummary[]>('/places/search', { query: { q: deferred, levels: levels.join(','), limit: 20 } }),
    enabled: deferred.length > 0,
  });
  const options = (results.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}${p.code ? ` · ${p.code}` : ''}`,
  }));
  if (initial && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      data-testid={testId}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={value}
      onChange={(id?: string) => onChange?.(id)}
      placeholder={placeholder ?? t('registry.placeSearch')}
      loading={results.isFetching}
      notFoundContent={deferred ? t('registry.noPlace') : null}
      options={options}
    />
  );
}
