import type { FundAccount } from '@anju/contracts';
import { App, Button, Card, DatePicker, Descriptions, Grid, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { useAccounts, useCloseMonth, useFundSetup, useStatement, yuan } from '../api.ts';
import { AccountModal } from '../components/AccountModal.tsx';

/** The accounts of the user's communities with their balances, and a month's statement of one. */
export function AccountsPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const mayWrite = !!useMe().data?.permissions.includes('fund:write');
  const setup = useFundSetup();
  const accounts = useAccounts();
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const account = chosen ?? accounts.data?.[0]?.id;
  const balance = (a: FundAccount) => <span data-testid="account-balance">{`¥${yuan(a.balanceFen)}`}</span>;
  return (
    <>
      <PageHeader
        title={t('funds.accounts.title')}
        extra={
          mayWrite && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="account-add">
              {t('funds.accounts.open')}
            </Button>
          )
        }
      />
      {accounts.error ? (
        <ErrorView error={accounts.error} />
      ) : phone ? (
        <List<FundAccount>
          loading={accounts.isLoading}
          dataSource={accounts.data ?? []}
          locale={{ emptyText: t('funds.accounts.empty') }}
          renderItem={(a) => (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={a.name}
              extra={balance(a)}
              onClick={() => setChosen(a.id)}
            >
              <Typography.Text type="secondary">{`${a.placeName} · ${setup.kind(a.kind)}`}</Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<FundAccount>
          rowKey="id"
          loading={accounts.isLoading}
          dataSource={accounts.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: account ? [account] : [],
            onChange: (keys) => setChosen(String(keys[0])),
          }}
          locale={{ emptyText: t('funds.accounts.empty') }}
          data-testid="account-list"
          columns={[
            { title: t('funds.accounts.community'), dataIndex: 'placeName' },
            { title: t('funds.accounts.name'), dataIndex: 'name' },
            { title: t('funds.accounts.kind'), dataIndex: 'kind', render: (k: string) => setup.kind(k) },
            {
              title: t('funds.accounts.balance'),
              key: 'balance',
              align: 'right',
              render: (_, a) => balance(a),
            },
            { title: t('funds.accounts.pending'), dataIndex: 'pendingCount' },
            {
              title: t('funds.accounts.lastClosed'),
              dataIndex: 'lastClosedMonth',
              render: (m: string | null) => m ?? '—',
            },
          ]}
        />
      )}
      {account && <Statement accountId={account} mayClose={mayWrite} />}
      {adding && <AccountModal onClose={() => setAdding(false)} />}
    </>
  );
}

function Statement({ accountId, mayClose }: { accountId: string; mayClose: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const statement = useStatement(accountId, month);
  const close = useCloseMonth(accountId);
  const s = statement.data;
  return (
    <Card
      style={{ marginTop: 16 }}
      title={t('funds.statement.title')}
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          {mayClose && s && !s.closed && month < dayjs().format('YYYY-MM') && (
            <Button
              loading={close.isPending}
              onClick={() =>
                close.mutate(month, {
                  onSuccess: () => message.success(t('funds.statement.closedNow')),
                  onError: (e) => message.error(errorText(e)),
                })
              }
              data-testid="statement-close"
            >
              {t('funds.statement.close')}
            </Button>
          )}
        </Space>
      }
    >
      {statement.error ? (
        <ErrorView error={statement.error} />
      ) : s ? (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} data-testid="statement">
            <Descriptions.Item
              label={t('funds.statement.opening')}
            >{`¥${yuan(s.openingFen)}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('funds.statement.income')}
            >{`¥${yuan(s.incomeFen)}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('funds.statement.expense')}
            >{`¥${yuan(s.expenseFen)}`}</Descriptions.Item>
            <Descriptions.Item label={t('funds.statement.closing')}>
              {`¥${yuan(s.closingFen)}`}
              {s.closed && <Tag style={{ marginLeft: 8 }}>{t('funds.statement.closed')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            dataSource={s.entries}
            locale={{ emptyText: t('funds.journal.empty') }}
            renderItem={(e) => (
              <List.Item extra={`${e.direction === 'income' ? '+' : '−'}¥${yuan(e.amountFen)}`}>
                {`${formatDay(e.occurredOn)} ${e.summary}`}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
