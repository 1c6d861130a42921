import { FUND_CATEGORIES, FUND_DIRECTIONS, FUND_ENTRY_STATUSES, type FundEntry } from '@anju/contracts';
import { Button, Card, DatePicker, Grid, List, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { journalExportUrl, useAccounts, useEntries, useFundSetup, yuan } from '../api.ts';
import { EntryDrawer } from '../components/EntryDrawer.tsx';
import { EntryModal } from '../components/EntryModal.tsx';
import { EntryStatus } from '../components/EntryStatus.tsx';

interface Filter {
  accountId?: string;
  status?: FundEntry['status'];
  direction?: FundEntry['direction'];
  category?: FundEntry['category'];
  from?: string;
  to?: string;
}
const FILTER_KEYS = ['accountId', 'status', 'direction', 'category', 'from', 'to'] as const;

/** The journal of the user's communities with filters, or (`approvals`) the entries waiting for their decision. */
export function JournalPage({ approvals = false }: { approvals?: boolean }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const mayWrite = !!me?.permissions.includes('fund:write');
  const setup = useFundSetup();
  const accounts = useAccounts();
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useEntries({ ...filter, toDecide: approvals ? 'true' : undefined, page, pageSize });
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const paging = { ...pagination, total: list.data?.total ?? 0 };
  const amount = (e: FundEntry) => (
    <Typography.Text type={e.direction === 'income' ? 'success' : undefined} data-testid="entry-amount-cell">
      {`${e.direction === 'income' ? '+' : '−'}¥${yuan(e.amountFen)}`}
    </Typography.Text>
  );

  return (
    <>
      <PageHeader
        title={t(approvals ? 'funds.approvals.title' : 'funds.journal.title')}
        extra={
          <Space wrap>
            {!approvals && (
              <Button href={journalExportUrl(filter)} download data-testid="journal-export">
                {t('funds.journal.export')}
              </Button>
            )}
            {mayWrite && (
              <Button type="primary" onClick={() => setAdding(true)} data-testid="entry-add">
                {t('funds.entry.record')}
              </Button>
            )}
          </Space>
        }
      />
      {!approvals && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('funds.entry.account')}
            value={filter.accountId}
            onChange={(v?: string) => set({ accountId: v, page: undefined })}
            style={{ width: 200 }}
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.placeName} · ${a.name}` }))}
          />
          <Select
            allowClear
            placeholder={t('funds.entry.status')}
            value={filter.status}
            onChange={(v?: string) => set({ status: v, page: undefined })}
            style={{ width: 120 }}
            options={FUND_ENTRY_STATUSES.map((s) => ({ value: s, label: t(`funds.status.${s}`) }))}
          />
          <Select
            allowClear
            placeholder={t('funds.entry.direction')}
            value={filter.direction}
            onChange={(v?: string) => set({ direction: v, page: undefined })}
            style={{ width: 110 }}
            options={FUND_DIRECTIONS.map((d) => ({ value: d, label: t(`funds.directions.${d}`) }))}
          />
          <Select
            allowClear
            placeholder={t('funds.entry.category')}
            value={filter.category}
            onChange={(v?: string) => set({ category: v, page: undefined })}
            style={{ width: 140 }}
            options={FUND_CATEGORIES.map((c) => ({ value: c, label: setup.category(c) }))}
          />
          <DatePicker.RangePicker
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(r) =>
              set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD'), page: undefined })
            }
          />
        </Space>
      )}
      {list.error ? (
        <ErrorView error={list.error} />
      ) : phone ? (
        <List<FundEntry>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ ...paging, size: 'small', simple: true }}
          locale={{ emptyText: t('funds.journal.empty') }}
          renderItem={(e) => (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={e.summary}
              extra={amount(e)}
              onClick={() => setOpen(e.id)}
              data-testid="entry-card"
            >
              <Space wrap>
                <EntryStatus entry={e} />
                <Typography.Text type="secondary">
                  {`${formatDay(e.occurredOn)} · ${e.accountName} · ${setup.category(e.category)}`}
                </Typography.Text>
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<FundEntry>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={paging}
          locale={{ emptyText: t('funds.journal.empty') }}
          onRow={(e) => ({ onClick: () => setOpen(e.id), style: { cursor: 'pointer' } })}
          data-testid="entry-list"
          columns={[
            { title: t('funds.entry.occurredOn'), dataIndex: 'occurredOn', render: formatDay, width: 110 },
            {
              title: t('funds.entry.account'),
              key: 'account',
              render: (_, e) => `${e.placeName} · ${e.accountName}`,
            },
            { title: t('funds.entry.summary'), dataIndex: 'summary' },
            {
              title: t('funds.entry.category'),
              dataIndex: 'category',
              render: (c: string) => setup.category(c),
            },
            {
              title: t('funds.entry.amountYuan'),
              key: 'amount',
              align: 'right',
              render: (_, e) => amount(e),
            },
            { title: t('funds.entry.recordedBy'), key: 'by', render: (_, e) => e.recordedBy?.name },
            { title: t('funds.entry.status'), key: 'status', render: (_, e) => <EntryStatus entry={e} /> },
          ]}
        />
      )}
      {adding && <EntryModal accountId={filter.accountId} onClose={() => setAdding(false)} />}
      {open && <EntryDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** The entries waiting for the user's decision. */
export const ApprovalsPage = () => <JournalPage approvals />;
