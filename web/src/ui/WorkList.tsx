import { Card, Grid, List, Table, Typography, type PaginationProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from './ErrorView.tsx';

const OVERDUE = { background: '#fff1f0' };

interface Props<T> {
  rows?: T[];
  total?: number;
  loading: boolean;
  error: unknown;
  pagination: PaginationProps;
  columns: ColumnsType<T>;
  /** The body of a row's card on a phone. */
  card: (row: T) => ReactNode;
  /** Where a card leads. */
  href: (row: T) => string;
  overdue: (row: T) => boolean;
  testIds: { total: string; table: string; row: string; card: string };
}

/** A workbench's list: its total, then a table on a desktop or linked cards on a phone, overdue ones tinted red. */
export function WorkList<T extends { id: string }>({
  rows,
  total,
  loading,
  error,
  pagination,
  columns,
  card,
  href,
  overdue,
  testIds,
}: Props<T>) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const paging = { ...pagination, total };
  return (
    <>
      <div>
        <Typography.Text type="secondary" data-testid={testIds.total}>
          {t('common.total', { count: total ?? 0 })}
        </Typography.Text>
      </div>
      {error ? (
        <ErrorView error={error} />
      ) : phone ? (
        <List
          loading={loading}
          dataSource={rows}
          pagination={{ ...paging, size: 'small', simple: true }}
          renderItem={(row) => (
            <Link to={href(row)} style={{ display: 'block', marginTop: 12 }}>
              <Card
                size="small"
                style={overdue(row) ? { ...OVERDUE, borderColor: '#ff4d4f' } : undefined}
                data-testid={testIds.card}
              >
                {card(row)}
              </Card>
            </Link>
          )}
        />
      ) : (
        <Table<T>
          data-testid={testIds.table}
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={loading}
          dataSource={rows}
          pagination={paging}
          onRow={(row) =>
            ({ style: overdue(row) ? OVERDUE : undefined, 'data-testid': testIds.row }) as object
          }
          columns={columns}
        />
      )}
    </>
  );
}
