import { RESOURCE_KINDS, type Resource } from '@anju/contracts';
import { Button, Card, Checkbox, Grid, List, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useResources } from '../api.ts';
import { AllocateModal } from '../components/AllocateModal.tsx';
import { ResourceModal } from '../components/ResourceModal.tsx';

interface Filter {
  kind?: Resource['kind'];
  available?: 'true';
}
const FILTER_KEYS = ['kind', 'available'] as const;
const REGISTER_LEVELS = ['county', 'township', 'community'];

/** The resources list of the user's scope: what is offered, how much remains, allocating some to a need. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const { scope } = useScope();
  const mayWrite = !!me?.permissions.includes('service:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useResources({ ...filter, page, pageSize });
  const [adding, setAdding] = useState(false);
  const [allocating, setAllocating] = useState<Resource | null>(null);
  const paging = { ...pagination, total: list.data?.total ?? 0 };
  const own = me?.scopes.length === 1 ? me.scopes[0] : undefined;
  const startPlace =
    scope && REGISTER_LEVELS.includes(scope.level ?? '')
      ? scope
      : own && REGISTER_LEVELS.includes(own.level)
        ? own
        : undefined;
  const left = (r: Resource) => (
    <Space>
      <Progress
        type="circle"
        size={28}
        percent={Math.round((r.remaining / r.quantity) * 100)}
        showInfo={false}
      />
      <span data-testid="resource-remaining">{`${r.remaining} / ${r.quantity} ${r.unit}`}</span>
    </Space>
  );
  const when = (r: Resource) =>
    `${formatDay(r.availableFrom)} ~ ${r.availableTo ? formatDay(r.availableTo) : ''}`;
  const allocate = (r: Resource) =>
    mayWrite &&
    r.remaining > 0 && (
      <Button size="small" onClick={() => setAllocating(r)} data-testid="resource-allocate">
        {t('services.resources.allocate')}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={t('services.resources.title')}
        extra={
          mayWrite && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="resource-add">
              {t('services.resources.add')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('services.resources.kind')}
          value={filter.kind}
          onChange={(v?: string) => set({ kind: v, page: undefined })}
          style={{ width: 140 }}
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`services.resources.kinds.${k}`) }))}
        />
        <Checkbox
          checked={filter.available === 'true'}
          onChange={(e) => set({ available: e.target.checked ? 'true' : undefined, page: undefined })}
        >
          {t('services.resources.onlyAvailable')}
        </Checkbox>
      </Space>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : phone ? (
        <List<Resource>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ ...paging, size: 'small', simple: true }}
          locale={{ emptyText: t('services.resources.empty') }}
          renderItem={(r) => (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={r.name}
              extra={allocate(r)}
              data-testid="resource-card"
            >
              <Typography.Text type="secondary">
                {`${t(`services.resources.kinds.${r.kind}`)} · ${r.donorName} · ${when(r)}`}
              </Typography.Text>
              <div>{left(r)}</div>
            </Card>
          )}
        />
      ) : (
        <Table<Resource>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={paging}
          locale={{ emptyText: t('services.resources.empty') }}
          data-testid="resource-list"
          columns={[
            { title: t('services.resources.name'), dataIndex: 'name' },
            {
              title: t('services.resources.kind'),
              dataIndex: 'kind',
              render: (k) => t(`services.resources.kinds.${k}`),
            },
            {
              title: t('services.resources.donorName'),
              key: 'donor',
              render: (_, r) => `${r.donorName}（${t(`services.resources.donorKinds.${r.donorKind}`)}）`,
            },
            { title: t('services.resources.remaining'), key: 'left', render: (_, r) => left(r) },
            { title: t('services.resources.available'), key: 'when', render: (_, r) => when(r) },
            { title: t('services.resources.place'), dataIndex: 'placeName' },
            ...(mayWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, r: Resource) => allocate(r),
                  },
                ]
              : []),
          ]}
        />
      )}
      {adding && <ResourceModal place={startPlace} onClose={() => setAdding(false)} />}
      {allocating && <AllocateModal resource={allocating} onClose={() => setAllocating(null)} />}
    </>
  );
}
