import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../../enterprises/api.ts';

/**
 * Picks an enterprise of the register in the user's scope by name; `onPicked` gets its name to fill
 * the employer with. `current` names the one already linked while it is not among the results.
 */
export function EnterprisePicker({
  value,
  onChange,
  onPicked,
  current,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  onPicked: (name: string) => void;
  current?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useEnterprises({ q: useDeferredValue(q) || undefined, page: 1, pageSize: 20 });
  const items = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  if (current && !items.some((o) => o.value === current.id))
    items.unshift({ value: current.id, label: current.name });
  return (
    <Select
      data-testid="record-enterprise"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={value ?? null}
      placeholder={t('employment.record.enterpriseSearch')}
      loading={found.isFetching}
      notFoundContent={null}
      options={items}
      onChange={(id: string | undefined) => {
        setQ('');
        onChange?.(id ?? null);
        const picked = items.find((o) => o.value === id);
        if (picked) onPicked(picked.label);
      }}
    />
  );
}
