import { DownloadOutlined } from '@ant-design/icons';
import {
  KPI_GROUPINGS,
  KPI_INTERVALS,
  KPI_KEYS,
  type KpiGrouping,
  type KpiInterval,
  type KpiKey,
  type KpiRow,
} from '@anju/contracts';
import { Button, Card, Col, Flex, Row, Segmented, Select, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import {
  kpiExportUrl,
  useKpiBreakdown,
  useKpiDefinitions,
  useKpiTotals,
  useKpiTrend,
  type KpiFilter,
} from '../api.ts';
import { BreakdownChart } from '../components/BreakdownChart.tsx';
import { BreakdownTable } from '../components/BreakdownTable.tsx';
import { KpiCards } from '../components/KpiCards.tsx';
import { PeriodPicker, presetPeriod } from '../components/PeriodPicker.tsx';
import { AREA_LEVELS, PlacePicker } from '../../places/index.ts';
import { TrendChart } from '../components/TrendChart.tsx';
import { usePageScopeControl } from '../../../ui/scope.tsx';

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

/** 事件办理指标: the government KPIs of a place and period, compared across groups and over time, exportable. */
export function KpiPage() {
  const { t, i18n } = useTranslation();
  // the area picker below is the page's scope control
  usePageScopeControl();
  // the view lives in the address, so it can be linked, reloaded and gone back to
  const [params, setParams] = useSearchParams();
  const [defaultFrom, defaultTo] = presetPeriod('thisYear');
  const filter: KpiFilter = {
    from: params.get('from') ?? defaultFrom,
    to: params.get('to') ?? defaultTo,
    under: params.get('under') ?? undefined,
  };
  const by = oneOf<KpiGrouping>(KPI_GROUPINGS, params.get('by'), 'grid');
  const interval = oneOf<KpiInterval>(KPI_INTERVALS, params.get('interval'), 'month');
  const kpi = oneOf<KpiKey>(KPI_KEYS, params.get('kpi'), 'timelyAcceptanceRate');
  const set = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next, { replace: true });
  };

  const definitions = useKpiDefinitions();
  const totals = useKpiTotals(filter);
  const breakdown = useKpiBreakdown(filter, by);
  const trend = useKpiTrend(filter, interval);
  const english = i18n.language.startsWith('en');
  const nameOf = useCallback((r: KpiRow) => (english && r.nameEn) || r.name, [english]);
  const rows = breakdown.data?.rows ?? [];
  const error = totals.error ?? breakdown.error ?? trend.error;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('kpi.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={kpiExportUrl(filter, by)}
            download
            data-testid="kpi-export"
          >
            {t('kpi.export')}
          </Button>
        }
      />
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={14}>
            <PeriodPicker from={filter.from} to={filter.to} onChange={(from, to) => set({ from, to })} />
          </Col>
          <Col xs={24} md={10}>
            <PlacePicker
              levels={AREA_LEVELS}
              placeholder={t('kpi.placeAll')}
              testId="kpi-place"
              value={filter.under}
              onChange={(under) => set({ under })}
            />
          </Col>
        </Row>
      </Card>
      {error ? <ErrorView error={error} /> : null}
      <KpiCards totals={totals.data} definitions={definitions.data} />
      <Card size="small" title={t('kpi.compare')}>
        <Flex vertical gap={12}>
          <Flex wrap gap={12}>
            <Segmented<KpiGrouping>
              data-testid="kpi-by"
              value={by}
              onChange={(v) => set({ by: v })}
              options={KPI_GROUPINGS.map((g) => ({ value: g, label: t(`kpi.by.${g}`) }))}
            />
            <Select<KpiKey>
              data-testid="kpi-chart-kpi"
              value={kpi}
              onChange={(v) => set({ kpi: v })}
              style={{ minWidth: 180 }}
              options={KPI_KEYS.map((k) => ({ value: k, label: t(`kpi.keys.${k}`) }))}
            />
          </Flex>
          <BreakdownChart rows={rows} kpi={kpi} nameOf={nameOf} />
          <BreakdownTable rows={rows} by={by} loading={breakdown.isFetching} nameOf={nameOf} />
        </Flex>
      </Card>
      <Card
        size="small"
        title={t('kpi.trend')}
        extra={
          <Segmented<KpiInterval>
            data-testid="kpi-interval"
            size="small"
            value={interval}
            onChange={(v) => set({ interval: v })}
            options={KPI_INTERVALS.map((i) => ({ value: i, label: t(`kpi.interval.${i}`) }))}
          />
        }
      >
        {trend.data && <TrendChart trend={trend.data} />}
      </Card>
    </Space>
  );
}
