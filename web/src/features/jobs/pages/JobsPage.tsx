import type { Permission } from '@anju/contracts';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useJobs, type Job } from '../api.ts';
import { JobModal } from '../components/JobModal.tsx';
import { StaffModal } from '../components/StaffModal.tsx';

interface Filter {
  q?: string;
  status?: string;
}
const FILTER_KEYS = ['q', 'status'] as const;

/** The jobs an official sees in their area, or an enterprise's own jobs for its staff (`mine`). */
export function JobsPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const may = (p: Permission) => !!me?.permissions.includes(p);
  const mayPost = mine ? may('job:post') : may('job:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useJobs({ ...filter, page, pageSize });
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const base = mine ? '/jobs/mine' : '/jobs';

  return (
    <>
      <PageHeader
        title={mine ? t('jobs.mineTitle') : t('jobs.title')}
        extra={
          <Space wrap>
            {!mine && may('employment:write') && (
              <Button onClick={() => setLinking(true)} data-testid="staff-open">
                {t('jobs.staff')}
              </Button>
            )}
            {mayPost && (
              <Button type="primary" onClick={() => setEditing(true)} data-testid="job-add">
                {t('jobs.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={filter.q}
          defaultValue={filter.q}
          allowClear
          placeholder={t('jobs.search')}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <Select
          allowClear
          placeholder={t('jobs.status')}
          value={filter.status}
          onChange={(v?: string) => set({ status: v, page: undefined })}
          style={{ width: 140 }}
          options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
        />
      </Space>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : (
        <Table<Job>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ ...pagination, total: list.data?.total ?? 0 }}
          locale={{ emptyText: t('jobs.empty') }}
          data-testid="job-list"
          columns={[
            {
              title: t('jobs.name'),
              key: 'title',
              render: (_, j) => (
                <Link to={`${base}/${j.id}`} data-testid="job-link">
                  {j.title}
                </Link>
              ),
            },
            { title: t('jobs.enterprise'), dataIndex: 'enterpriseName' },
            {
              title: t('jobs.wage'),
              key: 'wage',
              render: (_, j) => t('jobs.wageRange', { min: j.wageMin, max: j.wageMax }),
            },
            { title: t('jobs.place'), dataIndex: 'placeName' },
            { title: t('jobs.headcount'), dataIndex: 'headcount' },
            { title: t('jobs.applicants'), dataIndex: 'applicants' },
            { title: t('jobs.hired'), dataIndex: 'hired' },
            {
              title: t('jobs.status'),
              dataIndex: 'status',
              render: (s: Job['status']) => (
                <Tag color={s === 'open' ? 'green' : undefined}>{t(`jobs.statuses.${s}`)}</Tag>
              ),
            },
          ]}
        />
      )}
      {editing && <JobModal pickEnterprise={!mine} onClose={() => setEditing(false)} />}
      {linking && <StaffModal onClose={() => setLinking(false)} />}
    </>
  );
}

/** An enterprise's own jobs, for its staff. */
export const MyJobsPage = () => <JobsPage mine />;
