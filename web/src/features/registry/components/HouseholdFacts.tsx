import type { HouseholdDetail } from '@anju/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodes } from '../codes.ts';
import { SideBadge } from './SideBadge.tsx';

/** The household's relocation facts and where it lives. */
export function HouseholdFacts({ household: h }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="household-facts"
      items={[
        { key: 'no', label: t('registry.household.no'), children: h.householdNo },
        { key: 'head', label: t('registry.household.head'), children: h.headName || '—' },
        { key: 'members', label: t('registry.household.members'), children: h.memberCount },
        {
          key: 'dwelling',
          label: t('registry.household.dwelling'),
          children: h.dwelling?.name ?? h.residence.name,
        },
        {
          key: 'origin',
          label: t('registry.household.originVillage'),
          children: h.originVillage?.name ?? '—',
        },
        { key: 'year', label: t('registry.household.relocationYear'), children: h.relocationYear ?? '—' },
        {
          key: 'type',
          label: t('registry.household.resettlementType'),
          children: codes.label('resettlement', h.resettlementType),
        },
        {
          key: 'poverty',
          label: t('registry.household.povertyStatus'),
          children: (
            <span data-testid="household-poverty-value">{codes.label('poverty', h.povertyStatus)}</span>
          ),
        },
        {
          key: 'status',
          label: t('registry.household.status'),
          children: codes.label('householdStatus', h.status),
        },
        { key: 'side', label: t('registry.person.side'), children: <SideBadge side={h.side} /> },
      ]}
    />
  );
}
