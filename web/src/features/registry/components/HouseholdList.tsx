import type { Household } from '@anju/contracts';
import { Card, Flex, List, Pagination, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCodes } from '../codes.ts';
import type { Paging } from './PersonList.tsx';
import { SideBadge } from './SideBadge.tsx';

interface Props {
  items: Household[] | undefined;
  loading: boolean;
  paging: Paging;
}

const POVERTY_COLOR: Record<Household['povertyStatus'], string | undefined> = {
  monitored: 'red',
  out_of_poverty: 'blue',
  ordinary: undefined,
};

/** The households as a table (desks). */
export function HouseholdTable({ items, loading, paging }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <Table<Household>
      data-testid="household-table"
      rowKey="id"
      size="small"
      scroll={{ x: 'max-content' }}
      loading={loading}
      dataSource={items}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        showTotal: (count) => t('common.total', { count }),
        onChange: paging.onChange,
      }}
      columns={[
        {
          title: t('registry.household.head'),
          dataIndex: 'headName',
          render: (name: string, h) => <Link to={`/registry/households/${h.id}`}>{name || '—'}</Link>,
        },
        { title: t('registry.household.no'), dataIndex: 'householdNo' },
        {
          title: t('registry.household.dwelling'),
          key: 'dwelling',
          render: (_, h) => h.dwelling?.name ?? h.residence.name,
        },
        {
          title: t('registry.household.originVillage'),
          key: 'origin',
          render: (_, h) => h.originVillage?.name ?? '—',
        },
        { title: t('registry.household.members'), dataIndex: 'memberCount' },
        {
          title: t('registry.household.povertyStatus'),
          dataIndex: 'povertyStatus',
          render: (s: string) => codes.label('poverty', s),
        },
      ]}
    />
  );
}

/** The households as cards (phones): head and size, dwelling, origin village, poverty status. */
export function HouseholdCards({ items, loading, paging }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <>
      <List
        data-testid="household-cards"
        loading={loading}
        dataSource={items}
        renderItem={(h) => (
          <Link to={`/registry/households/${h.id}`} style={{ display: 'block', marginBottom: 8 }}>
            <Card size="small" hoverable data-testid="household-card">
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{h.headName || '—'}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('registry.household.memberCount', { count: h.memberCount })}
                </Typography.Text>
              </Flex>
              <div>{h.dwelling?.name ?? h.residence.name}</div>
              {h.originVillage && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('registry.household.originVillage')}：{h.originVillage.name}
                </Typography.Text>
              )}
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                <SideBadge side={h.side} />
                <Tag color={POVERTY_COLOR[h.povertyStatus]}>{codes.label('poverty', h.povertyStatus)}</Tag>
              </Flex>
            </Card>
          </Link>
        )}
      />
      <Pagination
        size="small"
        align="center"
        simple
        current={paging.page}
        pageSize={paging.pageSize}
        total={paging.total}
        showTotal={(count) => t('common.total', { count })}
        onChange={paging.onChange}
      />
    </>
  );
}
