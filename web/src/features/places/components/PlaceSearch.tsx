import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePlaceSearch } from '../api.ts';

/** Finds a place by name, pinyin initials or code, and opens it. */
export function PlaceSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const results = usePlaceSearch(useDeferredValue(q));
  return (
    <Select
      data-testid="place-search"
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={null}
      placeholder={t('places.search')}
      style={{ width: '100%' }}
      loading={results.isFetching}
      notFoundContent={null}
      options={(results.data ?? []).map((p) => ({
        value: p.id,
        label: `${p.name} · ${t(`levels.${p.level}`)}${p.code ? ` · ${p.code}` : ''}`,
      }))}
      onChange={(id: string) => {
        setQ('');
        navigate(`/places/${id}`);
      }}
    />
  );
}
