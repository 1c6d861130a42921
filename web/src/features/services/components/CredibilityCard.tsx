import { Card, Descriptions, Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCredibility } from '../api.ts';

/** An organization's credibility, its parts, and the formula with the source of each weight. */
export function CredibilityCard({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const cred = useCredibility(orgId);
  if (!cred.data) return <Spin />;
  const c = cred.data;
  const w = c.weights;
  const english = i18n.language.startsWith('en');
  const source = (n: { sourceZh: string; sourceEn: string }) => (english ? n.sourceEn : n.sourceZh);
  return (
    <Card
      size="small"
      title={t('services.credibility.title')}
      style={{ marginBottom: 12 }}
      data-testid="org-credibility"
    >
      <Progress type="dashboard" percent={c.score} format={() => c.score} size={96} />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('services.credibility.onTime')}>
          {t('services.credibility.onTimeValue', {
            onTime: c.milestonesOnTime,
            due: c.milestonesDue,
            points: c.parts.onTime,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('services.credibility.rating')}>
          {c.ratingAvg === null
            ? t('services.credibility.noRatings', { points: c.parts.rating })
            : t('services.credibility.ratingValue', {
                avg: c.ratingAvg,
                count: c.ratingCount,
                points: c.parts.rating,
              })}
        </Descriptions.Item>
        <Descriptions.Item label={t('services.credibility.complaints')}>
          {t('services.credibility.complaintsValue', {
            count: c.complaints,
            projects: c.projects,
            points: c.parts.complaints,
          })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="credibility-formula">
        {t('services.credibility.formula', {
          onTime: w.onTime.value,
          rating: w.rating.value,
          complaint: w.complaintPoints.value,
          prior: w.priorPercent.value,
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {[w.onTime, w.rating, w.complaintPoints, w.priorPercent].map((n) => (
          <span key={source(n)}>
            {source(n)}
            <br />
          </span>
        ))}
      </Typography.Paragraph>
    </Card>
  );
}
