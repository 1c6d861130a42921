import { PlusOutlined } from '@ant-design/icons';
import { POVERTY_STATUSES } from '@anju/contracts';
import { Button, Card, Grid, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useHouseholds } from '../api.ts';
import { useCodes } from '../codes.ts';
import { HouseholdCards, HouseholdTable } from '../components/HouseholdList.tsx';

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
  const List = Grid.useBreakpoint().md ? HouseholdTable : HouseholdCards;
  const paging = {
    page,
    pageSize,
    total: households.data?.total,
    onChange: (p: number, size: number) => set({ page: String(p), pageSize: String(size) }),
  };

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
          <List items={households.data?.items} loading={households.isFetching} paging={paging} />
        )}
      </Card>
    </>
  );
}
