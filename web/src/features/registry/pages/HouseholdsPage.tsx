import { PlusOutlined } from '@ant-design/icons';
import { POVERTY_STATUSES } from '@anju/contracts';
import { Button, Card, Grid, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useSignedIn } from '../../auth/api.ts';
import { useHouseholds, type HouseholdFilter } from '../api.ts';
import { useCodes } from '../codes.ts';
import { HouseholdCards, HouseholdTable } from '../components/HouseholdList.tsx';

const FILTER_KEYS = ['q', 'povertyStatus'] as const;

/** Households in the chosen scope: head, number, dwelling, origin village, members, poverty status. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const codes = useCodes();
  const { scope } = useScope();
  const { filter, page, pageSize, set, pagination } = useListParams<HouseholdFilter>(FILTER_KEYS);
  const { q, povertyStatus } = filter;
  const households = useHouseholds(filter, scope?.id, page, pageSize);
  const List = Grid.useBreakpoint().md ? HouseholdTable : HouseholdCards;
  const paging = { page, pageSize, total: households.data?.total, onChange: pagination.onChange };

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
