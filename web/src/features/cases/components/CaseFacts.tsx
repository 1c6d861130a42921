import type { CaseDetail } from '@anju/contracts';
import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDictionary } from '../api.ts';
import { DECIDING, dayOf } from '../steps.ts';
import { DueTag } from './DueTag.tsx';
import { StepTag } from './StepTag.tsx';

/** Who the case is about, where it stands, who owns the step and by when. */
export function CaseFacts({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const categories = useDictionary('monitoring_category');
  const risks = useDictionary('risk_type');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="case-facts"
      items={[
        {
          key: 'household',
          label: t('cases.fields.household'),
          children: (
            <Link to={`/registry/households/${c.householdId}`}>
              {c.headName} · {c.householdNo}
            </Link>
          ),
        },
        { key: 'community', label: t('cases.fields.community'), children: c.communityName },
        { key: 'step', label: t('cases.fields.step'), children: <StepTag step={c.step} /> },
        {
          key: 'owner',
          label: t('cases.fields.owner'),
          children: c.owner ? t(`cases.owner.${c.owner}`) : '—',
        },
        {
          key: 'stepDue',
          label: t('cases.fields.stepDue'),
          children: c.stepDueAt ? (
            <Space size={4}>
              {dayOf(c.stepDueAt)}
              <DueTag due={c.stepDueAt} testId="case-step-due" />
            </Space>
          ) : (
            '—'
          ),
        },
        {
          key: 'decisionDue',
          label: t('cases.fields.decisionDue'),
          children: (
            <Space size={4}>
              {dayOf(c.decisionDueAt)}
              {DECIDING.includes(c.step) && <DueTag due={c.decisionDueAt} testId="case-decision-due" />}
            </Space>
          ),
        },
        {
          key: 'category',
          label: t('cases.fields.category'),
          children: c.category ? categories.label(c.category) : '—',
        },
        {
          key: 'riskTypes',
          label: t('cases.fields.riskTypes'),
          children: c.riskTypes.length ? c.riskTypes.map((r) => <Tag key={r}>{risks.label(r)}</Tag>) : '—',
        },
        { key: 'openedAt', label: t('cases.fields.openedAt'), children: dayOf(c.openedAt) },
        ...(c.identifiedAt
          ? [{ key: 'identifiedAt', label: t('cases.fields.identifiedAt'), children: dayOf(c.identifiedAt) }]
          : []),
        {
          key: 'nationalEntryOn',
          label: t('cases.national.enteredOn'),
          children: c.nationalEntryOn ?? (c.identifiedAt ? t('cases.national.notYet') : '—'),
        },
        {
          key: 'policy',
          label: t('cases.fields.policy'),
          children: t('cases.fields.policyVersion', { version: c.policy.version }),
        },
        ...(c.closedAt
          ? [{ key: 'closedAt', label: t('cases.fields.closedAt'), children: dayOf(c.closedAt) }]
          : []),
      ]}
    />
  );
}
