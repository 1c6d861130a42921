import {
  VERIFICATION_ITEMS,
  type CaseDetail,
  type CommunityReview,
  type Comparison,
  type Verification,
} from '@anju/contracts';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDictionary } from '../api.ts';

const YES = <CheckCircleFilled style={{ color: '#52c41a' }} />;
const NO = <CloseCircleFilled style={{ color: '#bfbfbf' }} />;
const HIT = <ExclamationCircleFilled style={{ color: '#fa8c16' }} />;

/** Where the case came from: the lead's source and the screening flags with their rule version, and the household's leads with their notes. */
export function LeadRecord({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="case-lead"
      items={[
        {
          key: 'source',
          label: t('cases.lead.source'),
          children: t(`monitoring.leadSource.${c.leadSource}`),
        },
        {
          key: 'flags',
          label: t('cases.lead.flags'),
          children: c.flags.length ? (
            <Space wrap size={4}>
              {c.flags.map((f) => (
                <Tag color="orange" key={f}>
                  {t(`monitoring.rules.${f}.name`)}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          ),
        },
        {
          key: 'ruleVersion',
          label: t('cases.lead.ruleVersion'),
          children: c.ruleVersion ? t('cases.lead.version', { version: c.ruleVersion }) : '—',
        },
        {
          key: 'leads',
          label: t('cases.lead.notes'),
          children: (
            <Link
              to={`/monitoring/leads?${new URLSearchParams({ q: c.householdNo, status: 'any' })}`}
              data-testid="case-leads"
            >
              {t('cases.lead.all')}
            </Link>
          ),
        },
      ]}
    />
  );
}

/** The home verification: every checklist item, the consent and what it found. */
export function VerificationRecord({ record }: { record: Verification }) {
  const { t } = useTranslation();
  const { consent } = record;
  return (
    <div data-testid="case-verification">
      <Space orientation="vertical" size={2} style={{ marginBottom: 8 }}>
        {VERIFICATION_ITEMS.map((item) => (
          <span key={item}>
            {record.items[item] ? YES : NO} {t(`cases.verification.items.${item}`)}
          </span>
        ))}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'signedBy', label: t('cases.verification.signedBy'), children: consent.signedBy },
          { key: 'signedOn', label: t('cases.verification.signedOn'), children: consent.signedOn },
          {
            key: 'form',
            label: t('cases.verification.form'),
            children: t(`cases.verification.forms.${consent.form}`),
          },
        ]}
      />
      {record.note && <Typography.Paragraph style={{ margin: 0 }}>{record.note}</Typography.Paragraph>}
    </div>
  );
}

/** The department data comparison: each item compared, whether it found something, and the note. */
export function ComparisonRecord({ record }: { record: Comparison }) {
  const { t } = useTranslation();
  const items = useDictionary('comparison_item');
  return (
    <div data-testid="case-comparison">
      <Space orientation="vertical" size={2} style={{ marginBottom: 8 }}>
        {Object.keys(record.hits).map((check) => (
          <span key={check} data-testid={`comparison-${check}`}>
            {record.hits[check] ? HIT : YES} {items.label(check)}{' '}
            {record.hits[check] ? (
              <Tag color="orange">{t('cases.comparison.hit')}</Tag>
            ) : (
              <Tag>{t('cases.comparison.clear')}</Tag>
            )}
          </span>
        ))}
      </Space>
      {record.note && <Typography.Paragraph style={{ margin: 0 }}>{record.note}</Typography.Paragraph>}
    </div>
  );
}

/** The community review (民主评议) the notice followed: when, who attended, what it decided. */
export function ReviewRecord({ record }: { record: CommunityReview }) {
  const { t } = useTranslation();
  return (
    <div data-testid="case-review">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'heldOn', label: t('cases.review.heldOn'), children: record.heldOn },
          {
            key: 'result',
            label: t('cases.review.result'),
            children: (
              <Tag color={record.result === 'agreed' ? 'success' : 'error'}>
                {t(`cases.review.results.${record.result}`)}
              </Tag>
            ),
          },
          {
            key: 'attendeeCount',
            label: t('cases.review.attendeeCount'),
            children: t('cases.review.people', { count: record.attendeeCount }),
          },
          {
            key: 'votesFor',
            label: t('cases.review.votesFor'),
            children: record.votesFor ?? '—',
          },
          {
            key: 'attendees',
            label: t('cases.review.attendees'),
            children: record.attendees,
            span: 'filled',
          },
        ]}
      />
      {record.note && <Typography.Paragraph style={{ margin: 0 }}>{record.note}</Typography.Paragraph>}
    </div>
  );
}
