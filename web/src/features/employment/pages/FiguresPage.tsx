import type { PlaceLevel } from '@anju/contracts';
import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import {
  FIGURE_DEFINITIONS,
  figuresXlsxUrl,
  useFigures,
  type EmploymentFigures,
  type FigureDefinition,
} from '../api.ts';
import { FiguresTrend } from '../components/FiguresTrend.tsx';

const shown = (d: FigureDefinition, v: number | null | undefined) =>
  v === null || v === undefined ? '—' : d.unit === 'percent' ? `${v}%` : String(v);

/** One headline figure with its definition beside it: numerator over denominator, unit and target. */
function FigureCard({ d, value }: { d: FigureDefinition; value: number | null }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const below = d.target !== undefined && value !== null && value < d.target;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`figure-${d.id}`}>
      <Statistic
        title={en ? d.nameEn : d.nameZh}
        value={shown(d, value)}
        suffix={d.unit === 'percent' || value === null ? undefined : t(`employment.figures.units.${d.unit}`)}
        valueStyle={below ? { color: '#cf1322' } : undefined}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {en ? d.numeratorEn : d.numeratorZh}
        {d.denominatorZh && ` ÷ ${en ? d.denominatorEn : d.denominatorZh}`}
        {d.target !== undefined && ` · ${t('employment.figures.target', { target: d.target })}`}
      </Typography.Paragraph>
    </Card>
  );
}

/** The places right below, each opening its own figures. */
function ChildrenTable({ f }: { f: EmploymentFigures }) {
  const { i18n, t } = useTranslation();
  const { setScope } = useScope();
  const en = i18n.language.startsWith('en');
  return (
    <Table
      size="small"
      rowKey="id"
      scroll={{ x: 'max-content' }}
      pagination={false}
      dataSource={f.children}
      data-testid="figures-children"
      locale={{ emptyText: t('employment.figures.noChildren') }}
      columns={[
        {
          title: t('employment.figures.place'),
          key: 'name',
          fixed: 'left',
          render: (_: unknown, c: EmploymentFigures['children'][number]) => (
            <a onClick={() => setScope({ id: c.id, name: c.name, level: c.level as PlaceLevel })}>{c.name}</a>
          ),
        },
        ...FIGURE_DEFINITIONS.map((d) => ({
          title: en ? d.nameEn : d.nameZh,
          key: d.id,
          align: 'right' as const,
          render: (_: unknown, c: EmploymentFigures['children'][number]) => shown(d, c.values[d.id]),
        })),
      ]}
    />
  );
}

/** The employment figures of the place the user works on: headline cards with definitions, trend, children, export. */
export function FiguresPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const query = useFigures(scope?.id);
  const f = query.data;
  return (
    <>
      <PageHeader
        title={f ? t('employment.figures.titleOf', { place: f.place.name }) : t('employment.figures.title')}
        extra={
          <Button href={figuresXlsxUrl(scope?.id)} download data-testid="figures-export">
            {t('employment.figures.export')}
          </Button>
        }
      />
      {query.error ? (
        <ErrorView error={query.error} />
      ) : !f ? (
        <Card loading />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('employment.figures.asOf', { day: f.asOf })}
          </Typography.Paragraph>
          <Row gutter={[8, 8]}>
            {FIGURE_DEFINITIONS.map((d) => (
              <Col key={d.id} xs={12} lg={8} xl={6}>
                <FigureCard d={d} value={f.values[d.id] ?? null} />
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('employment.figures.trendTitle')} style={{ marginTop: 12 }}>
            <FiguresTrend trend={f.trend} />
          </Card>
          <Card size="small" title={t('employment.figures.childrenTitle')} style={{ marginTop: 12 }}>
            <ChildrenTable f={f} />
          </Card>
        </>
      )}
    </>
  );
}
