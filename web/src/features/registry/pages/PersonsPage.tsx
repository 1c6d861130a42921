import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useSignedIn } from '../../auth/api.ts';
import { personsExportUrl, usePersons, type PersonFilter, type PersonFind } from '../api.ts';
import { PersonFilters } from '../components/PersonFilters.tsx';
import { PersonCards, PersonTable } from '../components/PersonList.tsx';
import { SavedFilters } from '../components/SavedFilters.tsx';

const FILTER_KEYS = [
  'q',
  'phoneTail',
  'tags',
  'labour',
  'sex',
  'ageMin',
  'ageMax',
  'side',
  'sort',
  'order',
] as const;

/** People in the chosen scope: search, filters, saved filters, export; a card list on phones. */
export function PersonsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const phone = !Grid.useBreakpoint().md;
  const { scope } = useScope();
  const { filter, page, pageSize, set, pagination } = useListParams<PersonFilter>(FILTER_KEYS);
  // a whole ID or phone number lives only here: never in the address or a saved filter
  const [find, setFind] = useState<PersonFind>();
  const persons = usePersons(filter, scope?.id, page, pageSize, find);
  const apply = (f: PersonFilter, n?: PersonFind) => {
    setFind(n);
    set({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k]])), page: undefined });
  };
  const paging = { page, pageSize, total: persons.data?.total, onChange: pagination.onChange };

  const exports = me.permissions.includes('person:export') && (
    <Space wrap>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          href={personsExportUrl(filter, scope?.id, format)}
          download
          data-testid={`person-export-${format}`}
        >
          {t(`registry.export.${format}`)}
        </Button>
      ))}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('registry.persons.title')} extra={exports} />
      <Card>
        {scope && (
          <Alert
            type="info"
            showIcon
            title={t('registry.scopeNote', { name: scope.name })}
            style={{ marginBottom: 12 }}
          />
        )}
        <PersonFilters value={filter} find={find} onChange={apply} />
        {find && (
          <Alert
            type="warning"
            showIcon
            title={t('registry.filter.findNote')}
            action={
              <Button size="small" onClick={() => setFind(undefined)} data-testid="person-find-clear">
                {t('registry.filter.findClear')}
              </Button>
            }
            style={{ marginBottom: 12 }}
            data-testid="person-find-note"
          />
        )}
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <SavedFilters list="persons" current={filter} onApply={apply} />
        </Flex>
        {persons.error ? (
          <ErrorView error={persons.error} />
        ) : phone ? (
          <PersonCards items={persons.data?.items} loading={persons.isFetching} paging={paging} />
        ) : (
          <PersonTable items={persons.data?.items} loading={persons.isFetching} paging={paging} />
        )}
      </Card>
    </>
  );
}
