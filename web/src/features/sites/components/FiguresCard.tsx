import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SiteFigures } from '../api.ts';
import { Gaps } from './Gaps.tsx';

const money = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** One site's, township's or county's figures; a site links to its page. */
export function FiguresCard({ f, link }: { f: SiteFigures; link?: boolean }) {
  const { t } = useTranslation();
  const onTime = f.tasks > 0 ? Math.round((f.tasksOnTime * 100) / f.tasks) : 0;
  const short = f.kindergartenPer1000 < f.kindergartenStandardPer1000;
  return (
    <Card
      size="small"
      data-testid="site-figures"
      title={
        link ? (
          <Link to={`/sites/${f.placeId}`} data-testid="site-link">
            {f.name}
          </Link>
        ) : (
          f.name
        )
      }
      extra={
        <Typography.Text type="secondary">{t('sites.residents', { count: f.residents })}</Typography.Text>
      }
    >
      <Gaps gaps={f.gaps} />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('sites.figures.kindergartenPer1000')}>
          <Typography.Text type={short ? 'danger' : undefined}>
            {t('sites.per1000', { value: f.kindergartenPer1000, standard: f.kindergartenStandardPer1000 })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('sites.figures.householdsBenefiting')}>
          {f.householdsBenefiting}
        </Descriptions.Item>
        <Descriptions.Item label={t('sites.figures.paidThisYear')}>
          ¥{money(f.paidThisYear)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sites.figures.tasksOnTime')}>
          {t('sites.tasksShown', { onTime: f.tasksOnTime, done: f.tasksDone, total: f.tasks, pct: onTime })}{' '}
          {f.tasksLate > 0 && <Tag color="orange">{t('sites.lateCount', { count: f.tasksLate })}</Tag>}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
