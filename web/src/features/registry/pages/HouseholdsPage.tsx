import { PlusOutlined } from '@ant-design/icons';
import { POVERTY_STATUSES, type Household } from '@anju/contracts';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useHouseholds } from '../api.ts';
import { useCodes } from '../codes.ts';

/** Households in the chosen scope: head, number, dwelling, origin village, members, poverty status. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const codes = useCodes();
  const { scope } = useScope();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const povertyStatus = params.get('povertyStatus') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const households = useHouseholds({ q, povertyStatus }, scope?.id, page, pageSize);
  const set = (next: Record<string, string | undefined>) =>
    setParams(
      Object.fromEntries(
        Object.entries({ q, povertyStatus, ...next }).filter((e): e is [string, string] => !!e[1]),
      ),
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('registry.households.title')}
        extra={
          me.permissions.includes('person:write') && (
            <Link to="/registry/households/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="household-create">
                {t('registry.households.create')}
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            placeholder={t('registry.households.search')}
            onSearch={(text) => set({ q: text || undefined, page: undefined })}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="household-search"
          />
          <Select
            allowClear
            value={povertyStatus}
            placeholder={t('registry.household.povertyStatus')}
            style={{ width: 160 }}
            options={codes.options('poverty', POVERTY_STATUSES)}
            onChange={(v?: string) => set({ povertyStatus: v, page: undefined })}
          />
        </Space>
        {households.error ? (
          <ErrorView error={households.error} />
        ) : (
          <Table<Household>
            data-testid="household-table"
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            loading={households.isFetching}
            dataSource={households.data?.items}
            pagination={{
              current: page,
              pageSize,
              total: households.data?.total,
              showTotal: (count) => t('common.total', { count }),
              onChange: (p, size) => set({ page: String(p), pageSize: String(size) }),
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
        )}
      </Card>
    </>
  );
}
