import type { PlaceLevel } from '@anju/contracts';
import { DIVISION_LEVELS } from '@anju/contracts';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDivisionSearch, usePlaceSearch } from '../api.ts';

interface Props {
  levels: PlaceLevel[];
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The place already chosen, so its name shows before any search. */
  initial?: { id: string; name: string } | null;
  placeholder?: string;
  testId?: string;
}

const isDivisionLevel = (l: PlaceLevel): boolean => (DIVISION_LEVELS as readonly string[]).includes(l);

/**
 * Finds a place of the given levels by name, pinyin initials or code: administrative divisions
 * (villages, townships…) anywhere, shown with their full names; communities and below within the user's scope.
 */
export function PlaceSelect({ levels, value, onChange, initial, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const divisionLevels = levels.filter(isDivisionLevel);
  const placeLevels = levels.filter((l) => !isDivisionLevel(l));
  const divisions = useDivisionSearch(deferred, divisionLevels);
  const places = usePlaceSearch(placeLevels.length ? deferred : '', placeLevels);
  const options = [
    ...(divisions.data ?? []).map((d) => ({
      value: d.id,
      label: `${d.fullName}${d.code ? ` · ${d.code}` : ''}`,
    })),
    ...(places.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.code ? ` · ${p.code}` : ''}` })),
  ];
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
      loading={divisions.isFetching || places.isFetching}
      notFoundContent={deferred ? t('registry.noPlace') : null}
      options={options}
    />
  );
}
