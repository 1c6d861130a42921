import type { ZeroEmployment } from '@anju/contracts';
import { Card, List, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useZeroList } from '../api.ts';
import { ZeroState } from '../components/ZeroState.tsx';

const STATUSES = ['open', 'overdue', 'cleared'] as const;
const PAGE_SIZE = 20;

/** Zero-employment households in scope, open ones by their deadline, with days open and overdue. */
export function ZeroPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? params.get('status')!
    : 'open';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useZeroList({ status, page, pageSize: PAGE_SIZE });
  const set = (next: Record<string, string>) => setParams({ status, page: String(page), ...next });
  return (
    <>
      <PageHeader title={t('employment.zero.title')} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={status}
          onChange={(v) => set({ status: String(v), page: '1' })}
          options={STATUSES.map((s) => ({ value: s, label: t(`employment.zero.status.${s}`) }))}
          data-testid="zero-status"
        />
        {list.error ? (
          <ErrorView error={list.error} />
        ) : (
          <List<ZeroEmployment>
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('employment.zero.none') }}
            pagination={
              (list.data?.total ?? 0) > PAGE_SIZE
                ? {
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: list.data?.total,
                    simple: true,
                    onChange: (p) => set({ page: String(p) }),
                  }
                : false
            }
            renderItem={(z) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="zero-household">
                <Link to={`/employment/zero/${z.id}`}>
                  <Typography.Text strong>{z.headName}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{z.householdNo}</Typography.Text>
                </Link>
                <div>
                  <ZeroState zero={z} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('employment.zero.helpCount', { count: z.helpCount })}
                </Typography.Text>
              </Card>
            )}
          />
        )}
      </Space>
    </>
  );
}
