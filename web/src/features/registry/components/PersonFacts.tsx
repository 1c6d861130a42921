import type { Person } from '@anju/contracts';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCodes } from '../codes.ts';
import { RevealValue } from './RevealValue.tsx';
import { SideBadge } from './SideBadge.tsx';

/** Every field of a person with labels in the current language; identifiers masked until revealed. */
export function PersonFacts({ person: p, canReveal }: { person: Person; canReveal: boolean }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const items = [
    { key: 'name', label: t('registry.person.name'), children: p.name },
    {
      key: 'idNumber',
      label: t('registry.person.idNumber'),
      children: <RevealValue personId={p.id} field="idNumber" masked={p.idNumber} canReveal={canReveal} />,
    },
    { key: 'sex', label: t('registry.person.sex'), children: codes.label('sex', p.sex) },
    {
      key: 'birthDate',
      // without person:reveal the server gives the year alone
      label: t(p.birthDate.length === 4 ? 'registry.person.birthYear' : 'registry.person.birthDate'),
      children: `${p.birthDate}（${t('registry.person.ageYears', { count: p.age })}）`,
    },
    { key: 'ethnicity', label: t('registry.person.ethnicity'), children: codes.ethnicity(p.ethnicity) },
    {
      key: 'phone',
      label: t('registry.person.phone'),
      children: <RevealValue personId={p.id} field="phone" masked={p.phone} canReveal={canReveal} />,
    },
    {
      key: 'relation',
      label: t('registry.person.relation'),
      children: (
        <>
          {codes.label('relation', p.relation)} ·{' '}
          <Link to={`/registry/households/${p.householdId}`} data-testid="person-household">
            {t('registry.person.openHousehold')}
          </Link>
        </>
      ),
    },
    {
      key: 'education',
      label: t('registry.person.education'),
      children: codes.label('education', p.education),
    },
    ...(p.health !== undefined
      ? [
          {
            key: 'health',
            label: t('registry.person.health'),
            children:
              codes.label('health', p.health) +
              (p.disabilityGrade ? ` · ${t('registry.person.grade', { grade: p.disabilityGrade })}` : ''),
          },
        ]
      : []),
    {
      key: 'labour',
      label: t('registry.person.labourCapacity'),
      children: <span data-testid="person-labour">{codes.label('labour', p.labourCapacity)}</span>,
    },
    {
      key: 'tags',
      label: t('registry.person.tags'),
      children: p.tags.length
        ? p.tags.map((c) => (
            <Tag key={c} color="orange">
              {codes.tag(c)}
            </Tag>
          ))
        : '—',
    },
    {
      key: 'party',
      label: t('registry.person.partyMember'),
      children: t(p.partyMember ? 'registry.yes' : 'registry.no'),
    },
    { key: 'hukou', label: t('registry.person.hukou'), children: p.hukou.name },
    { key: 'residence', label: t('registry.person.residence'), children: p.residence.name },
    { key: 'side', label: t('registry.person.side'), children: <SideBadge side={p.side} /> },
    { key: 'status', label: t('registry.person.status'), children: codes.label('personStatus', p.status) },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items}
      data-testid="person-facts"
    />
  );
}
