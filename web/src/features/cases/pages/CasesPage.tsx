import { CASE_STEPS, type CaseStep, type MonitoringCase } from '@anju/contracts';
import { Badge, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { WorkList } from '../../../ui/WorkList.tsx';
import { useCases, useDictionary, useStepCounts, type CaseFilter } from '../api.ts';
import { CaseFilters } from '../components/CaseFilters.tsx';
import { DueTag } from '../components/DueTag.tsx';
import { StepTag } from '../components/StepTag.tsx';
import { DECIDING, dayOf, daysOverdue } from '../steps.ts';

const FILTER_KEYS = ['q', 'step', 'overdue', 'mine', 'category'] as const;

/** The monitoring workbench: cases of the caller's scope by step, overdue first, filtered and paged. */
export function CasesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { filter, page, pageSize, set, pagination } = useListParams<CaseFilter>(FILTER_KEYS);
  const list = useCases({ ...filter, under: scope?.id }, page, pageSize);
  const counts = useStepCounts(scope?.id).data;
  const categories = useDictionary('monitoring_category');
  const late = (c: MonitoringCase) =>
    c.overdue ? (
      <Tag color="red" data-testid="case-overdue">
        {t('cases.list.overdueDays', { count: Math.max(1, daysOverdue(c)) })}
      </Tag>
    ) : null;
  const tabLabel = (step: CaseStep | 'all') =>
    step === 'all' ? (
      t('cases.list.all')
    ) : (
      <Space size={4}>
        {t(`cases.step.${step}`)}
        {counts?.[step] ? <Badge count={counts[step]} color="#8c8c8c" overflowCount={9999} /> : null}
      </Space>
    );

  return (
    <>
      <PageHeader title={t('cases.list.title')} />
      <Card>
        <Tabs
          activeKey={filter.step ?? 'all'}
          onChange={(k) => set({ step: k === 'all' ? undefined : k, page: undefined })}
          items={(['all', ...CASE_STEPS] as const).map((s) => ({ key: s, label: tabLabel(s) }))}
          data-testid="case-steps"
          size="small"
        />
        <CaseFilters value={filter} onChange={(next) => set({ ...next, page: undefined })} />
        <WorkList<MonitoringCase>
          rows={list.data?.items}
          total={list.data?.total}
          loading={list.isFetching}
          error={list.error}
          pagination={pagination}
          href={(c) => `/monitoring/cases/${c.id}`}
          overdue={(c) => c.overdue}
          testIds={{ total: 'case-total', table: 'case-table', row: 'case-row', card: 'case-card' }}
          card={(c) => (
            <>
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text strong ellipsis>
                  {c.headName} · {c.householdNo}
                </Typography.Text>
                <StepTag step={c.step} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.communityName}
                {c.category ? ` · ${categories.label(c.category)}` : ''}
                {c.owner ? ` · ${t(`cases.owner.${c.owner}`)}` : ''}
              </Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {late(c)}
                {DECIDING.includes(c.step) && (
                  <Tag>{t('cases.list.decideBy', { date: dayOf(c.decisionDueAt) })}</Tag>
                )}
              </Flex>
            </>
          )}
          columns={[
            {
              title: t('cases.fields.household'),
              key: 'household',
              render: (_, c) => (
                <Link to={`/monitoring/cases/${c.id}`}>
                  {c.headName} · {c.householdNo}
                </Link>
              ),
            },
            { title: t('cases.fields.community'), dataIndex: 'communityName' },
            {
              title: t('cases.fields.step'),
              dataIndex: 'step',
              render: (s: CaseStep) => <StepTag step={s} />,
            },
            {
              title: t('cases.fields.owner'),
              dataIndex: 'owner',
              render: (o: string | null) => (o ? t(`cases.owner.${o}`) : '—'),
            },
            {
              title: t('cases.fields.category'),
              dataIndex: 'category',
              render: (c: string | null) => (c ? categories.label(c) : '—'),
            },
            {
              title: t('cases.fields.stepDue'),
              key: 'stepDue',
              render: (_, c) => (c.stepDueAt ? <DueTag due={c.stepDueAt} /> : '—'),
            },
            {
              title: t('cases.fields.decisionDue'),
              key: 'decisionDue',
              render: (_, c) =>
                DECIDING.includes(c.step) ? (
                  <Space size={4}>
                    {dayOf(c.decisionDueAt)}
                    <DueTag due={c.decisionDueAt} />
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: t('cases.fields.overdue'), key: 'late', render: (_, c) => late(c) ?? '—' },
            {
              title: t('cases.fields.openedAt'),
              dataIndex: 'openedAt',
              render: dayOf,
            },
          ]}
        />
      </Card>
    </>
  );
}
