import type { IncidentDetail } from '@anju/contracts';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { plainStatus, PLAIN_COLOURS } from '../plain.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { Steps } from './Steps.tsx';

/** A resident's own report in plain words: where it stands, what happened, and rating the outcome. */
export function ResidentView({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const status = plainStatus(i);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {i.title || t('incidents.quick.untitled')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="my-report-place">
          {i.place.label}
        </Typography.Text>
        <br />
        <Tag
          color={PLAIN_COLOURS[status]}
          data-testid="plain-status"
          style={{ fontSize: 16, padding: '4px 10px' }}
        >
          {t(`incidents.plain.${status}`)}
        </Tag>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t(`incidents.plainHint.${status}`)}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.code} · {formatDateTime(i.reportedAt)}
        </Typography.Text>
        {i.satisfaction && i.ratedAt && (
          <div style={{ marginTop: 8 }} data-testid="my-rating">
            {t('incidents.mine.yourRating', { rating: t(`incidents.satisfaction.${i.satisfaction}`) })}
          </div>
        )}
        <div style={{ marginTop: 12 }}>
          <ActionPanel incident={i} />
        </div>
      </Card>
      <Card title={t('incidents.detail.timeline')}>
        <Steps steps={i.steps} plain />
      </Card>
    </Space>
  );
}
