import { ENTERPRISE_KINDS, type Enterprise, type EnterpriseKind } from '@anju/contracts';
import { Alert, Button, Grid, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useEnterprises, useWorkshopTypes } from '../api.ts';
import { EnterpriseCards } from '../components/EnterpriseCards.tsx';
import { EnterpriseModal } from '../components/EnterpriseModal.tsx';
import { WorkshopStanding } from '../components/WorkshopStanding.tsx';

interface Filter {
  q?: string;
  kind?: EnterpriseKind;
  workshop?: string;
}
const FILTER_KEYS = ['q', 'kind', 'workshop'] as const;
const REGISTER_LEVELS = ['county', 'township', 'community'];

/** The enterprises and workshops of the user's scope: search, filters, registering and editing. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const { scope } = useScope();
  const mayWrite = !!me?.permissions.includes('employment:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useEnterprises({ ...filter, placeId: scope?.id, page, pageSize });
  const types = useWorkshopTypes();
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);
  const paging = { ...pagination, total: list.data?.total ?? 0 };
  const onEdit = mayWrite ? (e: Enterprise) => setEditing(e) : undefined;
  const own = me?.scopes.length === 1 ? me.scopes[0] : undefined;
  const startPlace =
    scope && REGISTER_LEVELS.includes(scope.level ?? '')
      ? scope
      : own && REGISTER_LEVELS.includes(own.level)
        ? own
        : undefined;

  return (
    <>
      <PageHeader
        title={t('enterprises.title')}
        extra={
          mayWrite && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="enterprise-add">
              {t('enterprises.add')}
            </Button>
          )
        }
      />
      {types.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('enterprises.criterion', { minimum: types.data.minimumEmployed })}
          description={`${t('enterprises.criterionSource')}: ${types.source}`}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={filter.q}
          defaultValue={filter.q}
          allowClear
          placeholder={t('enterprises.search')}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 240, maxWidth: '100%' }}
          data-testid="enterprise-search"
        />
        <Select
          allowClear
          placeholder={t('enterprises.kind')}
          value={filter.kind}
          onChange={(v?: string) => set({ kind: v, page: undefined })}
          style={{ width: 160 }}
          options={ENTERPRISE_KINDS.map((k) => ({ value: k, label: t(`enterprises.kinds.${k}`) }))}
          data-testid="enterprise-kind-filter"
        />
        <Select
          allowClear
          placeholder={t('enterprises.workshopFilter')}
          value={filter.workshop}
          onChange={(v?: string) => set({ workshop: v, page: undefined })}
          style={{ width: 160 }}
          options={[
            { value: 'any', label: t('enterprises.allWorkshops') },
            { value: 'none', label: t('enterprises.notWorkshop') },
            ...types.options,
          ]}
          data-testid="enterprise-workshop-filter"
        />
      </Space>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : phone ? (
        <EnterpriseCards
          items={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={paging}
          onEdit={onEdit}
        />
      ) : (
        <Table<Enterprise>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={paging}
          locale={{ emptyText: t('enterprises.empty') }}
          data-testid="enterprise-list"
          columns={[
            { title: t('enterprises.name'), dataIndex: 'name' },
            { title: t('enterprises.creditCode'), dataIndex: 'creditCode' },
            { title: t('enterprises.kind'), dataIndex: 'kind', render: (k) => t(`enterprises.kinds.${k}`) },
            {
              title: t('enterprises.workshop'),
              key: 'workshop',
              render: (_, e) =>
                e.workshop && (
                  <Space size={4} wrap>
                    <Tag color="blue">{types.label(e.workshop.type)}</Tag>
                    <WorkshopStanding workshop={e.workshop} />
                  </Space>
                ),
            },
            { title: t('enterprises.place'), dataIndex: 'placeName' },
            {
              title: t('enterprises.contactName'),
              key: 'contact',
              render: (_, e) => [e.contactName, e.contactPhone].filter(Boolean).join(' · '),
            },
            ...(onEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, e: Enterprise) => (
                      <Button size="small" onClick={() => onEdit(e)} data-testid="enterprise-edit">
                        {t('enterprises.editAction')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && (
        <EnterpriseModal
          enterprise={editing === 'new' ? undefined : editing}
          place={startPlace}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
