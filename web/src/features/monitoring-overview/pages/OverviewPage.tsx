import type { CaseStep } from '@anju/contracts';
import { Card, Col, Empty, Row, Segmented, Space, Typography } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useDictionary } from '../../cases/api.ts';
import { AREA_LEVELS, PlacePicker } from '../../places/index.ts';
import { useMonitoringOverview } from '../api.ts';
import { CountBars } from '../components/CountBars.tsx';
import { OverviewCards } from '../components/OverviewCards.tsx';
import { OverviewTrend } from '../components/OverviewTrend.tsx';
import { usePageScopeControl } from '../../../ui/scope.tsx';

const PERIODS = [6, 12, 24] as const;
const ELIMINATING = new Set<string>(['elimination_community', 'elimination_township', 'elimination_county']);
const stepColor = (code: string) =>
  code === 'assisted' ? '#52c41a' : ELIMINATING.has(code) ? '#13c2c2' : '#1677ff';

/** 防返贫监测总览: the cases of the caller's county (or a place in it) at a glance, and how they moved. */
export function OverviewPage() {
  const { t } = useTranslation();
  // the area picker below is the page's scope control
  usePageScopeControl();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const under = params.get('under') ?? undefined;
  const months = PERIODS.find((m) => String(m) === params.get('months')) ?? 12;
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const overview = useMonitoringOverview(under, months);
  const categories = useDictionary('monitoring_category');
  const risks = useDictionary('risk_type');
  const stepLabel = useCallback((code: string) => t(`cases.step.${code as CaseStep}`), [t]);
  const toCases = useCallback(
    (key: string) => (code: string) => navigate(`/monitoring/cases?${key}=${code}`),
    [navigate],
  );
  const o = overview.data;

  const bars = (key: string, testId: string, chart: ReactNode, total: number | undefined, note?: string) => (
    <Col xs={24} lg={12}>
      <Card
        size="small"
        title={t(`monitoringOverview.charts.${key}`)}
        extra={
          total === undefined ? null : (
            <span data-testid={`${testId}-total`}>{t('monitoringOverview.total', { count: total })}</span>
          )
        }
      >
        {o && total === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : chart}
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      </Card>
    </Col>
  );
  const total = (items?: { count: number }[]) => items?.reduce((n, i) => n + i.count, 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('monitoringOverview.title')} />
      <Card size="small">
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12}>
            <PlacePicker
              levels={AREA_LEVELS}
              placeholder={t('kpi.placeAll')}
              testId="kpi-place"
              value={under}
              onChange={(id) => set('under', id)}
            />
          </Col>
          <Col xs={24} md={12}>
            <Segmented
              data-testid="overview-months"
              value={months}
              onChange={(m) => set('months', String(m))}
              options={PERIODS.map((m) => ({
                value: m,
                label: t('monitoringOverview.months', { count: m }),
              }))}
            />
          </Col>
        </Row>
      </Card>
      {overview.error ? <ErrorView error={overview.error} /> : null}
      <OverviewCards overview={o} />
      <Row gutter={[12, 12]}>
        {bars(
          'byStep',
          'overview-step-chart',
          o && (
            <CountBars
              items={o.byStep}
              label={stepLabel}
              color={stepColor}
              testId="overview-step-chart"
              onPick={toCases('step')}
            />
          ),
          total(o?.byStep),
        )}
        {bars(
          'byCategory',
          'overview-category-chart',
          o && (
            <CountBars
              items={o.byCategory}
              label={categories.label}
              color="#722ed1"
              testId="overview-category-chart"
              onPick={toCases('category')}
            />
          ),
          total(o?.byCategory),
          t('monitoringOverview.notes.byCategory'),
        )}
        {bars(
          'byRiskType',
          'overview-risk-chart',
          o && (
            <CountBars
              items={o.byRiskType}
              label={risks.label}
              color="#fa8c16"
              testId="overview-risk-chart"
            />
          ),
          total(o?.byRiskType),
          t('monitoringOverview.notes.byRiskType'),
        )}
        <Col xs={24} lg={12}>
          <Card size="small" title={t('monitoringOverview.charts.trend')}>
            {o && <OverviewTrend trend={o.trend} />}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
