import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useActivities, type Activity } from '../api.ts';
import { ActivityModal } from '../components/ActivityModal.tsx';

function ActivityCard({ a }: { a: Activity }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="activity">
      <Link to={`/volunteers/activities/${a.id}`}>
        <Typography.Text strong>{a.title}</Typography.Text>
      </Link>
      <div>
        <Typography.Text type="secondary">
          {a.placeName} · {a.address} · {formatDateTime(a.startsAt)} – {formatDateTime(a.endsAt)}
        </Typography.Text>
      </div>
      <Space wrap size={4} style={{ marginTop: 4 }}>
        <Tag color={a.signedUp >= a.slots ? 'red' : 'blue'}>
          {t('volunteers.slots', { signedUp: a.signedUp, slots: a.slots })}
        </Tag>
        {a.teamName && <Tag>{a.teamName}</Tag>}
        {a.skills.map((s) => (
          <Tag key={s}>{t(`volunteers.skills.${s}`)}</Tag>
        ))}
      </Space>
    </Card>
  );
}

/** The volunteer activities of the user's scope and above it, for those who organize or follow them. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const mayOrganize = !!me?.permissions.includes('volunteer:organize');
  const { page, pageSize, pagination } = useListParams<Record<string, never>>([]);
  const list = useActivities(page, pageSize);
  const [adding, setAdding] = useState(false);
  const own =
    me?.scopes.length === 1 && ['county', 'township', 'community'].includes(me.scopes[0].level)
      ? me.scopes[0]
      : undefined;
  return (
    <>
      <PageHeader
        title={t('volunteers.title')}
        extra={
          mayOrganize && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="activity-add">
              {t('volunteers.add')}
            </Button>
          )
        }
      />
      {list.error ? (
        <ErrorView error={list.error} />
      ) : (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('volunteers.noActivities') }}
          renderItem={(a) => <ActivityCard key={a.id} a={a} />}
          pagination={{ ...pagination, total: list.data?.total ?? 0, size: 'small' }}
        />
      )}
      {adding && <ActivityModal place={own} onClose={() => setAdding(false)} />}
    </>
  );
}
