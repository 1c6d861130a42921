import type { Lead } from '@anju/contracts';
import { Card, Flex, List, Tag, Typography, type PaginationProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/api.ts';
import { dayOf, OpenCaseButton } from '../../cases/index.ts';

/** What can follow from a lead: its case on the workbench once opened, or opening one. */
export function LeadCase({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const mayWrite = !!useMe().data?.permissions.includes('monitoring:write');
  if (lead.status === 'case')
    return (
      <Link
        to={`/monitoring/cases?${new URLSearchParams({ q: lead.householdNo })}`}
        data-testid="lead-to-case"
      >
        {t('monitoring.leads.toCase')}
      </Link>
    );
  return mayWrite ? <OpenCaseButton lead={lead} /> : null;
}

/** The leads as cards on a phone: household, status, flags, the note and what follows. */
export function LeadCards({
  leads,
  loading,
  pagination,
}: {
  leads: Lead[];
  loading: boolean;
  pagination: PaginationProps;
}) {
  const { t } = useTranslation();
  return (
    <List
      loading={loading}
      dataSource={leads}
      pagination={{ ...pagination, size: 'small', simple: true }}
      data-testid="lead-table"
      renderItem={(l) => (
        <Card size="small" style={{ marginTop: 12 }} data-testid="lead-card">
          <Flex justify="space-between" gap={8} align="center">
            <Link to={`/registry/households/${l.householdId}`} style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis style={{ color: 'inherit' }}>
                {l.headName} · {l.householdNo}
              </Typography.Text>
            </Link>
            <Tag>{t(`monitoring.leadStatus.${l.status}`)}</Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`monitoring.leadSource.${l.source}`)} · {dayOf(l.createdAt)}
            {l.year ? ` · ${t('monitoring.leads.year')} ${l.year}` : ''}
          </Typography.Text>
          {l.flags.length > 0 && (
            <Flex wrap gap={4} style={{ marginTop: 4 }}>
              {l.flags.map((f) => (
                <Tag color="orange" key={f}>
                  {t(`monitoring.rules.${f}.name`)}
                </Tag>
              ))}
            </Flex>
          )}
          {l.note && (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
              {l.note}
            </Typography.Paragraph>
          )}
          <div style={{ textAlign: 'right' }}>
            <LeadCase lead={l} />
          </div>
        </Card>
      )}
    />
  );
}
