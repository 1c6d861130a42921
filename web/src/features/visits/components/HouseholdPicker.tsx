import type { Household } from '@anju/contracts';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholdPick, usePickedHousehold } from '../api.ts';

interface Props {
  value?: string;
  onChange?: (id: string) => void;
}

const label = (h: Household) => `${h.headName} · ${h.dwelling?.name ?? h.householdNo}`;

/** Finds an active household by head or number; the server lists only the caller's scope (a grid worker's grids). */
export function HouseholdPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useHouseholdPick(q);
  const chosen = usePickedHousehold(value, !found.data?.items.some((h) => h.id === value));
  const options = (found.data?.items ?? []).map((h) => ({ value: h.id, label: label(h) }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: label(chosen.data) });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setTyped}
      loading={found.isFetching}
      placeholder={t('visits.form.householdSearch')}
      options={options}
      data-testid="visit-household"
    />
  );
}
