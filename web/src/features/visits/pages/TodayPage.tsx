import { PlusOutlined } from '@ant-design/icons';
import type { DueHousehold } from '@anju/contracts';
import { Button, Card, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useDue } from '../api.ts';

type Filter = 'all' | 'overdue' | 'due';

function DueCard({ h }: { h: DueHousehold }) {
  const { t } = useTranslation();
  const overdue = h.status === 'overdue';
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="due-household">
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{h.headName}</Typography.Text>{' '}
          <Typography.Text type="secondary">{h.dwellingName ?? h.householdNo}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('visits.today.plan', { name: h.planName, days: h.intervalDays })}
            </Typography.Text>
          </div>
          <div style={{ fontSize: 13 }}>
            {h.lastVisitedOn
              ? t('visits.today.lastVisited', { date: h.lastVisitedOn })
              : t('visits.today.neverVisited')}
            {h.dueOn && ` · ${t('visits.today.dueOn', { date: h.dueOn })}`}
          </div>
        </div>
        <Tag color={overdue ? 'red' : 'orange'} data-testid="due-status">
          {t(`visits.today.${h.status}`)}
        </Tag>
      </Flex>
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Link to={`/visits/new?householdId=${h.householdId}`} style={{ flex: 1 }}>
          <Button type="primary" block data-testid="due-log">
            {t('visits.today.log')}
          </Button>
        </Link>
        <Link to={`/registry/households/${h.householdId}`} style={{ flex: 1 }}>
          <Button block>{t('visits.today.history')}</Button>
        </Link>
      </Flex>
    </Card>
  );
}

/** 「今日走访」: the households of my grids that are overdue or fall due within a week, by their plans. */
export function TodayPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const due = useDue({ status: filter === 'all' ? undefined : filter, page, pageSize: 20 });
  if (due.error) return <ErrorView error={due.error} />;
  const d = due.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('visits.today.title')}
        extra={
          <Link to="/visits/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="visit-new">
              {t('visits.today.log')}
            </Button>
          </Link>
        }
      />
      {d && (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('visits.today.on', { date: d.on })}</Typography.Text>
          <Tag color="red" data-testid="due-overdue">
            {t('visits.today.overdueCount', { count: d.overdue })}
          </Tag>
        </Flex>
      )}
      <Segmented<Filter>
        block
        value={filter}
        onChange={(v) => (setFilter(v), setPage(1))}
        options={[
          { value: 'all', label: t('visits.today.filterAll') },
          { value: 'overdue', label: t('visits.today.overdue') },
          { value: 'due', label: t('visits.today.due') },
        ]}
      />
      <List
        data-testid="due-list"
        loading={due.isLoading}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('visits.today.none') }}
        split={false}
        renderItem={(h) => (
          <List.Item style={{ padding: '4px 0' }}>
            <DueCard h={h} />
          </List.Item>
        )}
        pagination={
          d && d.total > d.pageSize
            ? { current: page, pageSize: d.pageSize, total: d.total, onChange: setPage, simple: true }
            : false
        }
      />
    </Space>
  );
}
