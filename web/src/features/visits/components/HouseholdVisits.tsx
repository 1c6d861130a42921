import type { Visit } from '@anju/contracts';
import { CameraOutlined } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useVisits, useVisitKinds } from '../api.ts';

/** The visit history of one household, newest first. */
export function HouseholdVisits({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const visits = useVisits({ householdId, page, pageSize: 10 });
  const kinds = useVisitKinds();
  if (visits.error) return <ErrorView error={visits.error} />;
  const kindLabel = (code: string) => {
    const k = kinds.data?.find((d) => d.code === code);
    return k ? (i18n.language.startsWith('en') ? k.labelEn : k.labelZh) : code;
  };
  return (
    <List<Visit>
      data-testid="household-visits"
      loading={visits.isLoading}
      dataSource={visits.data?.items ?? []}
      locale={{ emptyText: t('visits.history.none') }}
      pagination={
        (visits.data?.total ?? 0) > 10
          ? { current: page, pageSize: 10, total: visits.data?.total, onChange: setPage, simple: true }
          : false
      }
      renderItem={(v) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <Link to={`/visits/${v.id}`}>{v.visitedOn}</Link>
                <Tag>{kindLabel(v.kind)}</Tag>
                {v.incidentId && <Tag color="red">{t('visits.detail.becameIncident')}</Tag>}
                {v.photoIds.length > 0 && (
                  <Typography.Text type="secondary">
                    <CameraOutlined /> {v.photoIds.length}
                  </Typography.Text>
                )}
              </Space>
            }
            description={
              <>
                <Typography.Text type="secondary">
                  {t('visits.history.by', { name: v.visitorName })}
                </Typography.Text>
                {v.findings && (
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {v.findings}
                  </Typography.Paragraph>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
