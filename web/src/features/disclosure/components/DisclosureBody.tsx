import type { DisclosureContent } from '@anju/contracts';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Fen as yuan with two decimals, exactly. */
export function yuan(fen: string) {
  const n = BigInt(fen);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${(abs / 100n).toLocaleString('en-US')}.${String(abs % 100n).padStart(2, '0')}`;
}

/** What a disclosure says: its text, the accounts and entries of a finance one, the rows of a name list. */
export function DisclosureBody({ content }: { content: DisclosureContent }) {
  const { t } = useTranslation();
  return (
    <>
      {content.text && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{content.text}</Typography.Paragraph>
      )}
      {content.finance && (
        <>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={content.finance.accounts}
            columns={[
              {
                title: t('disclosure.body.account'),
                dataIndex: 'name',
                onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              },
              { title: t('disclosure.body.opening'), dataIndex: 'openingFen', align: 'right', render: yuan },
              { title: t('disclosure.body.income'), dataIndex: 'incomeFen', align: 'right', render: yuan },
              { title: t('disclosure.body.expense'), dataIndex: 'expenseFen', align: 'right', render: yuan },
              { title: t('disclosure.body.closing'), dataIndex: 'closingFen', align: 'right', render: yuan },
            ]}
          />
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(e) => `${e.occurredOn}${e.summary}${e.amountFen}`}
            pagination={false}
            scroll={{ x: true }}
            dataSource={content.finance.entries}
            data-testid="disclosure-entries"
            columns={[
              { title: t('disclosure.body.date'), dataIndex: 'occurredOn' },
              { title: t('disclosure.body.summary'), dataIndex: 'summary' },
              {
                title: t('disclosure.body.amount'),
                key: 'amount',
                align: 'right',
                render: (_, e) => `${e.direction === 'income' ? '+' : '−'}${yuan(e.amountFen)}`,
              },
            ]}
          />
        </>
      )}
      {content.names.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.maskedName}${r.householdSize}${r.amountFen}`}
          pagination={{ pageSize: 50, size: 'small' }}
          dataSource={content.names}
          data-testid="disclosure-names"
          columns={[
            { title: t('disclosure.body.name'), dataIndex: 'maskedName' },
            { title: t('disclosure.body.householdSize'), dataIndex: 'householdSize', align: 'right' },
            { title: t('disclosure.body.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
          ]}
        />
      )}
    </>
  );
}
