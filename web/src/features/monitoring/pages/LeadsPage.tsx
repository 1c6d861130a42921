import {
  LEAD_SOURCES,
  LEAD_STATUSES,
  SCREENING_RULES,
  type Lead,
  type ScreeningResult,
} from '@anju/contracts';
import { Button, Card, Descriptions, Grid, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EChart } from '../../../ui/EChart.tsx';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { dayOf } from '../../cases/index.ts';
import { useLeads, useRunScreening, type LeadFilter } from '../api.ts';
import { LeadCards, LeadCase } from '../components/LeadCards.tsx';

const FILTER_KEYS = ['q', 'status', 'source', 'flag'] as const;
/** `status=any` in the address lists leads of every status; no status means the open ones. */
const ANY_STATUS = 'any';

function leadFilter({ status = 'open', ...rest }: LeadFilter): LeadFilter {
  return status === ANY_STATUS ? rest : { ...rest, status };
}

const statusParam = (status?: string) => (status === 'open' ? undefined : (status ?? ANY_STATUS));

/** Monitoring leads of the caller's households, and screening runs over them. */
export function LeadsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const phone = !Grid.useBreakpoint().md;
  const { filter: params, page, pageSize, set: update, pagination } = useListParams<LeadFilter>(FILTER_KEYS);
  const filter = leadFilter(params);
  const leads = useLeads(filter, page, pageSize);
  const run = useRunScreening();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const paging = { ...pagination, total: leads.data?.total ?? 0 };
  const set = (k: keyof LeadFilter) => (v: string | undefined) =>
    update({ [k]: k === 'status' ? statusParam(v) : v, page: undefined });

  return (
    <>
      <PageHeader title={t('monitoring.leads.title')} />
      {me?.permissions.includes('monitoring:write') && (
        <Card size="small" title={t('monitoring.screening.title')} style={{ marginBottom: 16 }}>
          <Space wrap>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={[1, 2, 3].map((d) => ({ value: thisYear - d, label: thisYear - d }))}
            />
            <Button
              type="primary"
              loading={run.isPending}
              onClick={() => run.mutate({ year })}
              data-testid="screen-run"
            >
              {t('monitoring.screening.run')}
            </Button>
          </Space>
          {run.error && <ErrorView error={run.error} />}
          {run.data && <ScreeningSummary result={run.data} />}
        </Card>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={filter.q}
          defaultValue={filter.q}
          allowClear
          placeholder={t('monitoring.leads.search')}
          onSearch={(v) => set('q')(v.trim() || undefined)}
          style={{ width: 240, maxWidth: '100%' }}
          data-testid="lead-search"
        />
        <Select
          allowClear
          placeholder={t('monitoring.leads.status')}
          value={filter.status}
          onChange={set('status')}
          style={{ width: 140 }}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`monitoring.leadStatus.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('monitoring.leads.source')}
          value={filter.source}
          onChange={set('source')}
          style={{ width: 160 }}
          options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`monitoring.leadSource.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('monitoring.leads.flag')}
          value={filter.flag}
          onChange={set('flag')}
          style={{ width: 200 }}
          options={SCREENING_RULES.map((r) => ({ value: r, label: t(`monitoring.rules.${r}.name`) }))}
        />
      </Space>
      {leads.error ? (
        <ErrorView error={leads.error} />
      ) : phone ? (
        <LeadCards leads={leads.data?.items ?? []} loading={leads.isLoading} pagination={paging} />
      ) : (
        <Table<Lead>
          rowKey="id"
          loading={leads.isLoading}
          dataSource={leads.data?.items ?? []}
          scroll={{ x: true }}
          data-testid="lead-table"
          pagination={paging}
          columns={[
            {
              title: t('monitoring.leads.household'),
              key: 'household',
              render: (_, l) => (
                <Link to={`/registry/households/${l.householdId}`}>
                  {l.headName} · {l.householdNo}
                </Link>
              ),
            },
            {
              title: t('monitoring.leads.flags'),
              dataIndex: 'flags',
              render: (flags: Lead['flags']) => (
                <Space wrap size={4}>
                  {flags.map((f) => (
                    <Tag color="orange" key={f}>
                      {t(`monitoring.rules.${f}.name`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('monitoring.leads.source'),
              dataIndex: 'source',
              render: (s) => t(`monitoring.leadSource.${s}`),
            },
            {
              title: t('monitoring.leads.status'),
              dataIndex: 'status',
              render: (s) => t(`monitoring.leadStatus.${s}`),
            },
            {
              title: t('monitoring.leads.note'),
              dataIndex: 'note',
              ellipsis: true,
              width: 220,
              render: (n: string | null) => n ?? '—',
            },
            { title: t('monitoring.leads.year'), dataIndex: 'year', render: (y: number | null) => y ?? '—' },
            {
              title: t('monitoring.leads.ruleVersion'),
              dataIndex: 'ruleVersion',
              render: (v: number | null) => v ?? '—',
            },
            {
              title: t('monitoring.leads.createdAt'),
              dataIndex: 'createdAt',
              render: dayOf,
            },
            { key: 'case', render: (_: unknown, l: Lead) => <LeadCase lead={l} /> },
          ]}
        />
      )}
    </>
  );
}

function ScreeningSummary({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: SCREENING_RULES.map((r) => t(`monitoring.rules.${r}.name`)) },
      series: [{ type: 'bar', data: SCREENING_RULES.map((r) => result.byRule[r] ?? 0) }],
    }),
    [result, t],
  );
  return (
    <div data-testid="screen-result" style={{ marginTop: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
        <Descriptions.Item label={t('monitoring.screening.screened')}>{result.screened}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.screening.flagged')}>{result.flagged}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.screening.newLeads')}>{result.newLeads}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.screening.ruleVersion')}>
          {result.ruleVersion}
        </Descriptions.Item>
      </Descriptions>
      <EChart option={option} height={260} testId="screen-chart" />
    </div>
  );
}
