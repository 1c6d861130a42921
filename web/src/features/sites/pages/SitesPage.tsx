import { Card, Col, Row, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useSegmentedList } from '../../../ui/SegmentedCardList.tsx';
import { usePlans, useSitesOverview, type SupportTask } from '../api.ts';
import { FiguresCard } from '../components/FiguresCard.tsx';
import { TaskList } from '../components/TaskList.tsx';

const VIEWS = ['figures', 'short', 'plans'] as const;

function Plans({ place }: { place?: string }) {
  const { t } = useTranslation();
  const plans = usePlans(place);
  if (plans.error) return <ErrorView error={plans.error} />;
  const bySite = new Map<string, SupportTask[]>();
  for (const x of plans.data ?? []) bySite.set(x.siteName, [...(bySite.get(x.siteName) ?? []), x]);
  return (
    <Row gutter={[12, 12]}>
      {[...bySite].map(([site, tasks]) => (
        <Col xs={24} lg={12} xl={8} key={site}>
          <Card size="small" title={site} data-testid="site-plan">
            <TaskList tasks={tasks} />
          </Card>
        </Col>
      ))}
      {!plans.isLoading && bySite.size === 0 && (
        <Typography.Text type="secondary">{t('sites.plan.none')}</Typography.Text>
      )}
    </Row>
  );
}

/** Every site of the place worked on side by side: facility gaps, industry benefits, the plan's progress; or their plans. */
export function SitesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { value: view, setValue } = useSegmentedList('view', VIEWS);
  const overview = useSitesOverview(scope?.id);
  const data = overview.data;
  const sites = (data?.sites ?? []).filter((s) => view !== 'short' || s.gaps.length > 0);
  return (
    <>
      <PageHeader title={t('sites.title')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          options={VIEWS.map((v) => ({ value: v, label: t(`sites.view.${v}`) }))}
          onChange={(v) => setValue(v as (typeof VIEWS)[number])}
          data-testid="sites-view"
        />
      </Space>
      {overview.error ? (
        <ErrorView error={overview.error} />
      ) : view === 'plans' ? (
        <Plans place={scope?.id} />
      ) : (
        <Row gutter={[12, 12]}>
          {data && data.sites.length > 1 && (
            <Col xs={24}>
              <FiguresCard f={data.total} />
            </Col>
          )}
          {data?.townships.map((f) => (
            <Col xs={24} md={12} xl={8} key={`t${f.placeId}`}>
              <FiguresCard f={f} />
            </Col>
          ))}
          {sites.map((f) => (
            <Col xs={24} md={12} xl={8} key={f.placeId}>
              <FiguresCard f={f} link />
            </Col>
          ))}
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('sites.definitions')}
      </Typography.Paragraph>
    </>
  );
}
