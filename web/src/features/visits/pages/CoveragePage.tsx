import { Alert, Card, DatePicker, Flex, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCoverage, type CoverageRow } from '../api.ts';
import { CoverageChart } from '../components/CoverageChart.tsx';
import { useCommunity } from '../components/useCommunity.tsx';

const DAY = 'YYYY-MM-DD';

/** Visit coverage of a community over a period, per grid and per grid worker, as bars and tables. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { communityId, picker } = useCommunity();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().subtract(89, 'day'), dayjs()]);
  const coverage = useCoverage({ communityId, from: period[0].format(DAY), to: period[1].format(DAY) });
  const columns = [
    { title: t('visits.coverage.name'), dataIndex: 'name' },
    { title: t('visits.coverage.due'), dataIndex: 'due', align: 'right' as const },
    { title: t('visits.coverage.visited'), dataIndex: 'visited', align: 'right' as const },
    {
      title: t('visits.coverage.rate'),
      dataIndex: 'rate',
      align: 'right' as const,
      render: (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`),
    },
  ];
  const section = (title: string, rows: CoverageRow[], testId: string) => (
    <Card size="small" title={title}>
      <CoverageChart rows={rows} testId={`${testId}-chart`} />
      <Table<CoverageRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        data-testid={testId}
      />
    </Card>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('visits.coverage.title')} />
      <Flex wrap gap={8}>
        <div style={{ minWidth: 220, flex: 1 }}>{picker}</div>
        <DatePicker.RangePicker
          value={period}
          allowClear={false}
          inputReadOnly
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
          data-testid="coverage-period"
        />
      </Flex>
      <Alert
        type="info"
        showIcon
        message={<Typography.Text>{t('visits.coverage.definition')}</Typography.Text>}
      />
      {coverage.error && <ErrorView error={coverage.error} />}
      {coverage.data && (
        <>
          {section(t('visits.coverage.byGrid'), coverage.data.grids, 'coverage-grids')}
          {section(t('visits.coverage.byWorker'), coverage.data.workers, 'coverage-workers')}
        </>
      )}
    </Space>
  );
}
