import type { SocialOrg } from '@anju/contracts';
import { Button, Card, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useCategories, useOrgs } from '../api.ts';
import { OrgModal } from '../components/OrgModal.tsx';

interface Filter {
  q?: string;
  category?: string;
}
const FILTER_KEYS = ['q', 'category'] as const;
const REGISTER_LEVELS = ['county', 'township', 'community'];

/** The social organizations registered in or serving the user's scope: search, filter by area, register, change. */
export function OrgsPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const { scope } = useScope();
  const mayWrite = !!me?.permissions.includes('service:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useOrgs({ ...filter, category: filter.category as never, page, pageSize });
  const categories = useCategories();
  const [editing, setEditing] = useState<SocialOrg | 'new' | null>(null);
  const paging = { ...pagination, total: list.data?.total ?? 0 };
  const own = me?.scopes.length === 1 ? me.scopes[0] : undefined;
  const startPlace =
    scope && REGISTER_LEVELS.includes(scope.level ?? '')
      ? scope
      : own && REGISTER_LEVELS.includes(own.level)
        ? own
        : undefined;
  const areas = (o: SocialOrg) => (
    <Space size={4} wrap>
      {o.serviceAreas.map((a) => (
        <Tag key={a}>{categories.label(a)}</Tag>
      ))}
    </Space>
  );
  const edit = (o: SocialOrg) =>
    mayWrite && (
      <Button size="small" onClick={() => setEditing(o)} data-testid="org-edit">
        {t('services.orgs.editAction')}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={t('services.orgs.title')}
        extra={
          mayWrite && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="org-add">
              {t('services.orgs.add')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={filter.q}
          defaultValue={filter.q}
          allowClear
          placeholder={t('services.orgs.search')}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <Select
          allowClear
          placeholder={t('services.orgs.serviceAreas')}
          value={filter.category}
          onChange={(v?: string) => set({ category: v, page: undefined })}
          style={{ width: 180 }}
          options={categories.options}
        />
      </Space>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : phone ? (
        <List<SocialOrg>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ ...paging, size: 'small', simple: true }}
          locale={{ emptyText: t('services.orgs.empty') }}
          renderItem={(o) => (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              data-testid="org-card"
              extra={edit(o)}
              title={<Link to={`/social-organizations/${o.id}`}>{o.name}</Link>}
            >
              <Typography.Text type="secondary">
                {`${t(`services.orgs.kinds.${o.kind}`)} · ${o.placeName} · ${t('services.orgs.socialWorkerCount')} ${o.socialWorkerCount}/${o.staffCount}`}
              </Typography.Text>
              <div>{areas(o)}</div>
            </Card>
          )}
        />
      ) : (
        <Table<SocialOrg>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={paging}
          locale={{ emptyText: t('services.orgs.empty') }}
          data-testid="org-list"
          columns={[
            {
              title: t('services.orgs.name'),
              key: 'name',
              render: (_, o) => <Link to={`/social-organizations/${o.id}`}>{o.name}</Link>,
            },
            { title: t('services.orgs.creditCode'), dataIndex: 'creditCode' },
            {
              title: t('services.orgs.kind'),
              dataIndex: 'kind',
              render: (k) => t(`services.orgs.kinds.${k}`),
            },
            { title: t('services.orgs.serviceAreas'), key: 'areas', render: (_, o) => areas(o) },
            {
              title: t('services.orgs.placesServed'),
              key: 'served',
              render: (_, o) => o.placesServed.map((p) => p.name).join('、'),
            },
            { title: t('services.orgs.staffCount'), dataIndex: 'staffCount' },
            { title: t('services.orgs.socialWorkerCount'), dataIndex: 'socialWorkerCount' },
            ...(mayWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, o: SocialOrg) => edit(o),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && (
        <OrgModal
          org={editing === 'new' ? undefined : editing}
          place={startPlace}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
