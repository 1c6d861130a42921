import { Button, Card, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { usePosts, usePostTypes, type Post } from '../api.ts';
import { HolderState } from '../components/HolderState.tsx';
import { PayrollCard } from '../components/PayrollCard.tsx';
import { PostModal } from '../components/PostModal.tsx';

interface Filter {
  q?: string;
  postType?: string;
  status?: 'vacant' | 'held' | 'should_exit';
}
const FILTER_KEYS = ['q', 'postType', 'status'] as const;
const STATUSES = ['vacant', 'held', 'should_exit'] as const;

/** The public-welfare posts of the user's scope by community: filters, holders to exit, the payroll. */
export function PostsPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const me = useMe().data;
  const { scope } = useScope();
  const mayWrite = !!me?.permissions.includes('employment:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = usePosts({ ...filter, placeId: scope?.id, page, pageSize });
  const types = usePostTypes();
  const [adding, setAdding] = useState(false);
  const paging = { ...pagination, total: list.data?.total ?? 0 };
  const own = me?.scopes.length === 1 ? me.scopes[0] : undefined;
  const community =
    scope?.level === 'community'
      ? scope
      : own?.level === 'community'
        ? { id: own.id, name: own.name }
        : undefined;
  const subsidy = (p: Post) => t('employment.posts.subsidyShown', { amount: p.monthlySubsidy.toFixed(2) });
  const term = (p: Post) => `${formatDay(p.termStart)} ~ ${formatDay(p.termEnd)}`;

  return (
    <>
      <PageHeader
        title={t('employment.posts.heading')}
        extra={
          mayWrite && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="post-add">
              {t('employment.posts.add')}
            </Button>
          )
        }
      />
      <PayrollCard placeId={scope?.id} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={filter.q}
          defaultValue={filter.q}
          allowClear
          placeholder={t('employment.posts.search')}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 200, maxWidth: '100%' }}
          data-testid="post-search"
        />
        <Select
          allowClear
          placeholder={t('employment.posts.type')}
          value={filter.postType}
          onChange={(v?: string) => set({ postType: v, page: undefined })}
          style={{ width: 140 }}
          options={types.options}
          data-testid="post-type-filter"
        />
        <Select
          allowClear
          placeholder={t('employment.posts.status')}
          value={filter.status}
          onChange={(v?: string) => set({ status: v, page: undefined })}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`employment.posts.statuses.${s}`) }))}
          data-testid="post-status-filter"
        />
      </Space>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : phone ? (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={paging}
          locale={{ emptyText: t('employment.posts.empty') }}
          renderItem={(p) => (
            <List.Item style={{ padding: '4px 0' }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                onClick={() => navigate(`/employment/posts/${p.id}`)}
                data-testid="post-card"
              >
                <Typography.Text strong>{p.title}</Typography.Text>
                <div>
                  <Tag color="blue">{types.label(p.postType)}</Tag>
                  <Typography.Text type="secondary">
                    {p.placeName} · {subsidy(p)}
                  </Typography.Text>
                </div>
                <HolderState post={p} />
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Post>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={paging}
          locale={{ emptyText: t('employment.posts.empty') }}
          data-testid="post-list"
          columns={[
            {
              title: t('employment.posts.title'),
              key: 'title',
              render: (_, p) => <Link to={`/employment/posts/${p.id}`}>{p.title}</Link>,
            },
            { title: t('employment.posts.type'), key: 'type', render: (_, p) => types.label(p.postType) },
            { title: t('employment.posts.community'), dataIndex: 'placeName' },
            { title: t('employment.posts.subsidy'), key: 'subsidy', render: (_, p) => subsidy(p) },
            { title: t('employment.posts.term'), key: 'term', render: (_, p) => term(p) },
            {
              title: t('employment.posts.holder'),
              key: 'holder',
              render: (_, p) => <HolderState post={p} />,
            },
          ]}
        />
      )}
      {adding && (
        <PostModal
          community={community}
          onClose={() => setAdding(false)}
          onSaved={(p) => navigate(`/employment/posts/${p.id}`)}
        />
      )}
    </>
  );
}
