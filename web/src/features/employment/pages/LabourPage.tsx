import type { LabourRow } from '@anju/contracts';
import { Card, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useLabour } from '../api.ts';

const PAGE_SIZE = 20;
const FILTERS = ['all', 'false', 'true'] as const;

/** The labour force in scope, employed or not, each person leading to their household's survey. */
export function LabourPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const employed = (FILTERS as readonly string[]).includes(params.get('employed') ?? '')
    ? params.get('employed')!
    : 'all';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useLabour({ employed: employed === 'all' ? undefined : employed, page, pageSize: PAGE_SIZE });
  const set = (next: Record<string, string>) => setParams({ employed, page: String(page), ...next });
  return (
    <>
      <PageHeader title={t('employment.labour.title')} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={employed}
          onChange={(v) => set({ employed: String(v), page: '1' })}
          options={FILTERS.map((f) => ({ value: f, label: t(`employment.labour.filter.${f}`) }))}
        />
        {list.error ? (
          <ErrorView error={list.error} />
        ) : (
          <List<LabourRow>
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('employment.labour.none') }}
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
            renderItem={(r) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="labour-row">
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <Space wrap size={4}>
                    <Typography.Text strong>{r.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('employment.member.age', { age: r.age })} · {r.householdNo}
                    </Typography.Text>
                    {r.employed ? (
                      <Tag color="green">{t('employment.employed')}</Tag>
                    ) : (
                      <Tag color="orange">{t('employment.notEmployed')}</Tag>
                    )}
                  </Space>
                  <Link to={`/employment/survey/${r.householdId}`} data-testid="labour-survey">
                    {t('employment.survey.open')}
                  </Link>
                </Flex>
              </Card>
            )}
          />
        )}
      </Space>
    </>
  );
}
