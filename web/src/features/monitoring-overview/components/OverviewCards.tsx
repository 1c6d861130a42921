import type { MonitoringOverview } from '@anju/contracts';
import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

const MONITORED = new Set([
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
]);
const DECIDING = new Set([
  'verification',
  'comparison',
  'community_review',
  'township_review',
  'county_approval',
]);

const sum = (o: MonitoringOverview, steps: Set<string>) =>
  o.byStep.filter((s) => steps.has(s.code)).reduce((n, s) => n + s.count, 0);

/** Households monitored now, cases being identified, the overdue and the elimination rate. */
export function OverviewCards({ overview }: { overview?: MonitoringOverview }) {
  const { t } = useTranslation();
  const card = (key: string, value: ReactNode, note?: ReactNode, danger = false) => (
    <Card key={key} size="small" data-testid={`overview-card-${key}`}>
      <Statistic
        loading={!overview}
        title={t(`monitoringOverview.cards.${key}`)}
        value={value as string}
        valueStyle={danger ? { color: '#cf1322' } : undefined}
      />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Card>
  );
  const o = overview;
  const e = o?.elimination;
  return (
    <div
      data-testid="overview-cards"
      style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))' }}
    >
      {card('monitored', o ? sum(o, MONITORED) : '', t('monitoringOverview.cards.monitoredNote'))}
      {card('deciding', o ? sum(o, DECIDING) : '', t('monitoringOverview.cards.decidingNote'))}
      {card(
        'overdue',
        o?.overdue ?? '',
        <Link to="/monitoring/cases?overdue=true" data-testid="overview-overdue-link">
          {t('monitoringOverview.cards.overdueLink')}
        </Link>,
        (o?.overdue ?? 0) > 0,
      )}
      {card(
        'elimination',
        e ? `${(e.rate * 100).toFixed(1)}%` : '',
        e &&
          t('monitoringOverview.cards.eliminationParts', {
            eliminated: e.eliminated,
            identified: e.identified,
          }),
      )}
    </div>
  );
}
