import type { Incident } from '@anju/contracts';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { WorkList } from '../../../ui/WorkList.tsx';
import { useCategories, useIncidentCounts, useIncidents, type IncidentFilters } from '../api.ts';
import { Countdown } from '../components/Countdown.tsx';
import { IncidentTags } from '../components/IncidentTags.tsx';
import { WorkbenchFilters } from '../components/WorkbenchFilters.tsx';
import { WorkbenchTabs } from '../components/WorkbenchTabs.tsx';

const FILTER_KEYS = [
  'tab',
  'q',
  'status',
  'categoryCode',
  'level',
  'open',
  'overdue',
  'supervised',
  'assignedToMe',
] as const;
const ENDED = new Set(['closed', 'recalled']);

/** The officials' incident workbench: what their scope holds in tabs with counts, open work first, filtered and paged. */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const { scope } = useScope();
  const categories = useCategories();
  const { filter, page, pageSize, set, pagination } = useListParams<IncidentFilters>(FILTER_KEYS);
  const list = useIncidents({ ...filter, under: scope?.id }, page, pageSize);
  const counts = useIncidentCounts({ ...filter, under: scope?.id });
  const category = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? (i18n.language.startsWith('en') ? c.nameEn : c.nameZh) : code;
  };
  const due = (i: Incident) =>
    ENDED.has(i.status) ? null : <Countdown due={i.status === 'reported' ? i.acceptDueAt : i.dueAt} />;

  return (
    <>
      <PageHeader title={t('incidents.workbench.title')} />
      <Card>
        <WorkbenchTabs
          value={filter.tab}
          counts={counts.data}
          onChange={(tab) => set({ tab, page: undefined })}
        />
        <WorkbenchFilters value={filter} onChange={(next) => set({ ...next, page: undefined })} />
        <WorkList<Incident>
          rows={list.data?.items}
          total={list.data?.total}
          loading={list.isFetching}
          error={list.error}
          pagination={pagination}
          href={(i) => `/incidents/${i.id}`}
          // closed late is a fact of the record; only open work late is tinted
          overdue={(i) => i.overdue && !ENDED.has(i.status)}
          testIds={{
            total: 'incident-total',
            table: 'incident-table',
            row: 'incident-row',
            card: 'incident-card',
          }}
          card={(i) => (
            <>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong ellipsis>
                  {i.title || t('incidents.quick.untitled')}
                </Typography.Text>
                <IncidentTags incident={i} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.code} · {category(i.categoryCode)} · {i.place.label}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>{due(i)}</div>
            </>
          )}
          columns={[
            {
              title: t('incidents.fields.code'),
              dataIndex: 'code',
              render: (code: string, i) => <Link to={`/incidents/${i.id}`}>{code}</Link>,
            },
            {
              title: t('incidents.fields.title'),
              dataIndex: 'title',
              ellipsis: true,
              render: (title: string) => title || t('incidents.quick.untitled'),
            },
            { title: t('incidents.fields.category'), dataIndex: 'categoryCode', render: category },
            { title: t('incidents.fields.place'), key: 'place', render: (_, i) => i.place.label },
            {
              title: t('incidents.fields.level'),
              dataIndex: 'level',
              render: (l: string) => t(`incidents.level.${l}`),
            },
            {
              title: t('incidents.fields.status'),
              key: 'status',
              render: (_, i) => <IncidentTags incident={i} />,
            },
            { title: t('incidents.fields.due'), key: 'due', render: (_, i) => due(i) ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
