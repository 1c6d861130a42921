import type { Person } from '@anju/contracts';
import { Card, Flex, List, Pagination, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCodes } from '../codes.ts';
import { SideBadge } from './SideBadge.tsx';

export interface Paging {
  page: number;
  pageSize: number;
  total?: number;
  onChange(page: number, pageSize: number): void;
}

interface Props {
  items: Person[] | undefined;
  loading: boolean;
  paging: Paging;
}

function useTotal() {
  const { t } = useTranslation();
  return (count: number) => t('common.total', { count });
}

/** The people as a table (desks). */
export function PersonTable({ items, loading, paging }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const showTotal = useTotal();
  return (
    <Table<Person>
      data-testid="person-table"
      rowKey="id"
      size="small"
      scroll={{ x: 'max-content' }}
      loading={loading}
      dataSource={items}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        showTotal,
        onChange: paging.onChange,
      }}
      columns={[
        {
          title: t('registry.person.name'),
          dataIndex: 'name',
          render: (name: string, p) => <Link to={`/registry/persons/${p.id}`}>{name}</Link>,
        },
        { title: t('registry.person.sex'), dataIndex: 'sex', render: (s: string) => codes.label('sex', s) },
        { title: t('registry.person.age'), dataIndex: 'age' },
        {
          title: t('registry.person.idNumber'),
          dataIndex: 'idNumber',
          render: (v: string) => <code>{v}</code>,
        },
        { title: t('registry.person.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        {
          title: t('registry.person.relation'),
          dataIndex: 'relation',
          render: (r: string) => codes.label('relation', r),
        },
        {
          title: t('registry.person.labourCapacity'),
          dataIndex: 'labourCapacity',
          render: (l: string) => codes.label('labour', l),
        },
        {
          title: t('registry.person.tags'),
          dataIndex: 'tags',
          render: (tags: string[]) => tags.map((c) => <Tag key={c}>{codes.tag(c)}</Tag>),
        },
        {
          title: t('registry.person.residence'),
          key: 'residence',
          render: (_, p) => p.residence.name,
        },
        { title: t('registry.person.hukou'), key: 'hukou', render: (_, p) => p.hukou.name },
        {
          title: t('registry.person.side'),
          dataIndex: 'side',
          render: (s: Person['side']) => <SideBadge side={s} />,
        },
      ]}
    />
  );
}

/** The people as cards (phones): name, age and sex, where they live, masked identifiers. */
export function PersonCards({ items, loading, paging }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const showTotal = useTotal();
  return (
    <>
      <List
        data-testid="person-cards"
        loading={loading}
        dataSource={items}
        renderItem={(p) => (
          <Link to={`/registry/persons/${p.id}`} style={{ display: 'block', marginBottom: 8 }}>
            <Card size="small" hoverable data-testid="person-card">
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {codes.label('sex', p.sex)} · {t('registry.person.ageYears', { count: p.age })}
                </Typography.Text>
              </Flex>
              <div>
                {p.residence.name} · {codes.label('relation', p.relation)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.idNumber}
                {p.phone ? ` · ${p.phone}` : ''}
              </Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                <SideBadge side={p.side} />
                <Tag>{codes.label('labour', p.labourCapacity)}</Tag>
                {p.tags.map((c) => (
                  <Tag key={c} color="orange">
                    {codes.tag(c)}
                  </Tag>
                ))}
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
        showTotal={showTotal}
        onChange={paging.onChange}
      />
    </>
  );
}
