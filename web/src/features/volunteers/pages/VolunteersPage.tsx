import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useVolunteers, type Volunteer } from '../api.ts';
import { VolunteerModal } from '../components/VolunteerModal.tsx';

function VolunteerCard({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="volunteer">
      <Typography.Text strong>{v.name}</Typography.Text>{' '}
      <Typography.Text type="secondary">{v.idMasked}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {v.placeName}
          {v.teamName && ` · ${v.teamName}`}
          {v.phoneMasked && ` · ${v.phoneMasked}`}
        </Typography.Text>
      </div>
      <Space wrap size={4} style={{ marginTop: 4 }}>
        <Tag color="green">{t('volunteers.hoursShown', { hours: v.hours })}</Tag>
        {v.skills.map((s) => (
          <Tag key={s}>{t(`volunteers.skills.${s}`)}</Tag>
        ))}
        {v.availability.map((a) => (
          <Tag key={a} color="blue">
            {t(`volunteers.availability.${a}`)}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** The volunteers registered in the user's scope, masked, with their hours; organizers register more. */
export function VolunteersPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const mayOrganize = !!me?.permissions.includes('volunteer:organize');
  const { filter, page, pageSize, set, pagination } = useListParams<{ q?: string }>(['q']);
  const list = useVolunteers({ q: filter.q, page, pageSize });
  const [adding, setAdding] = useState(false);
  const own =
    me?.scopes.length === 1 && ['county', 'township', 'community'].includes(me.scopes[0].level)
      ? me.scopes[0]
      : undefined;
  return (
    <>
      <PageHeader
        title={t('volunteers.people')}
        extra={
          mayOrganize && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="volunteer-add">
              {t('volunteers.registerOther')}
            </Button>
          )
        }
      />
      <Input.Search
        allowClear
        defaultValue={filter.q}
        placeholder={t('volunteers.fields.name')}
        onSearch={(q) => set({ q: q || undefined, page: '1' })}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      {list.error ? (
        <ErrorView error={list.error} />
      ) : (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('volunteers.nobody') }}
          renderItem={(v) => <VolunteerCard key={v.id} v={v} />}
          pagination={{ ...pagination, total: list.data?.total ?? 0, size: 'small' }}
        />
      )}
      {adding && <VolunteerModal place={own} onClose={() => setAdding(false)} />}
    </>
  );
}
