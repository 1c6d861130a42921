import { NEED_STATUSES, SERVICE_CATEGORIES, URGENCIES, type Need } from '@anju/contracts';
import { Checkbox, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { WorkList } from '../../../ui/WorkList.tsx';
import { useCategories, useNeeds } from '../api.ts';
import { NeedStatusTag, UrgencyTag } from '../components/NeedTags.tsx';

interface Filter {
  status?: Need['status'];
  category?: (typeof SERVICE_CATEGORIES)[number];
  urgency?: Need['urgency'];
  overdue?: 'true';
}
const FILTER_KEYS = ['status', 'category', 'urgency', 'overdue'] as const;

/**
 * The needs list: for officials the needs of their scope, for a provider's staff those referred to
 * their organization; overdue first and tinted, filtered by state, category and urgency.
 */
export function NeedsPage({ provider = false }: { provider?: boolean }) {
  const { t } = useTranslation();
  const base = provider ? '/referrals' : '/needs';
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useNeeds({ ...filter, page, pageSize });
  const categories = useCategories();
  const who = (n: Need) => n.personName ?? t('services.needs.hidden');

  return (
    <>
      <PageHeader title={t(provider ? 'services.needs.providerTitle' : 'services.needs.title')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('services.needs.status')}
          value={filter.status}
          onChange={(v?: string) => set({ status: v, page: undefined })}
          style={{ width: 160 }}
          options={NEED_STATUSES.map((s) => ({ value: s, label: t(`services.needs.statuses.${s}`) }))}
          data-testid="need-status-filter"
        />
        <Select
          allowClear
          placeholder={t('services.needs.category')}
          value={filter.category}
          onChange={(v?: string) => set({ category: v, page: undefined })}
          style={{ width: 180 }}
          options={categories.options}
          data-testid="need-category-filter"
        />
        <Select
          allowClear
          placeholder={t('services.needs.urgency')}
          value={filter.urgency}
          onChange={(v?: string) => set({ urgency: v, page: undefined })}
          style={{ width: 120 }}
          options={URGENCIES.map((u) => ({ value: u, label: t(`services.needs.urgencies.${u}`) }))}
        />
        <Checkbox
          checked={filter.overdue === 'true'}
          onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined, page: undefined })}
        >
          {t('services.needs.onlyOverdue')}
        </Checkbox>
      </Space>
      <WorkList<Need>
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.isFetching}
        error={list.error}
        pagination={pagination}
        href={(n) => `${base}/${n.id}`}
        overdue={(n) => n.overdue}
        testIds={{ total: 'need-total', table: 'need-table', row: 'need-row', card: 'need-card' }}
        card={(n) => (
          <>
            <Flex justify="space-between" gap={8} align="center">
              <Typography.Text strong ellipsis>
                {n.summary}
              </Typography.Text>
              <UrgencyTag urgency={n.urgency} />
            </Flex>
            <Typography.Text type="secondary">
              {`${categories.label(n.category)} · ${n.communityName} · ${who(n)}`}
            </Typography.Text>
            <div>
              <NeedStatusTag need={n} />
            </div>
          </>
        )}
        columns={[
          {
            title: t('services.needs.summary'),
            key: 'summary',
            render: (_, n) => <Link to={`${base}/${n.id}`}>{n.summary}</Link>,
          },
          {
            title: t('services.needs.category'),
            key: 'category',
            render: (_, n) => categories.label(n.category),
          },
          {
            title: t('services.needs.urgency'),
            key: 'urgency',
            render: (_, n) => <UrgencyTag urgency={n.urgency} />,
          },
          { title: t('services.needs.person'), key: 'person', render: (_, n) => who(n) },
          { title: t('services.needs.community'), dataIndex: 'communityName' },
          { title: t('services.needs.org'), key: 'org', render: (_, n) => n.orgName ?? '—' },
          { title: t('services.needs.status'), key: 'status', render: (_, n) => <NeedStatusTag need={n} /> },
          { title: t('services.needs.raisedOn'), key: 'created', render: (_, n) => formatDay(n.createdAt) },
        ]}
      />
    </>
  );
}

/** The needs referred to the signed-in staff's organization. */
export const ProviderNeedsPage = () => <NeedsPage provider />;
