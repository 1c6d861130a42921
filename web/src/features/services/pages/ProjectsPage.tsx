import { SERVICE_PROJECT_KINDS, SERVICE_PROJECT_STATUSES, type ServiceProjectSummary } from '@anju/contracts';
import { Button, Flex, Progress, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { WorkList } from '../../../ui/WorkList.tsx';
import { useMe } from '../../auth/api.ts';
import { useCategories, useProjects } from '../api.ts';
import { ProjectModal } from '../components/ProjectModal.tsx';

interface Filter {
  status?: ServiceProjectSummary['status'];
  kind?: ServiceProjectSummary['kind'];
}
const FILTER_KEYS = ['status', 'kind'] as const;

export const spentPercent = (p: { spent: number; budget: number }) =>
  p.budget === 0 ? 0 : Math.round((p.spent / p.budget) * 100);

/**
 * The projects list (项目清单): purchased services and charity projects with spending, milestones and
 * ratings; officials see their scope's (`/service-projects`), a provider its own
 * (`/provider-projects`), a resident those serving them (`/my-projects`).
 */
export function ProjectsPage({ base = '/service-projects' }: { base?: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const mayStart = !!me?.permissions.includes('service:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useProjects({ ...filter, page, pageSize });
  const categories = useCategories();
  const [adding, setAdding] = useState(false);
  const milestones = (p: ServiceProjectSummary) => (
    <Space size={4}>
      {`${p.milestonesDone}/${p.milestonesTotal}`}
      {p.milestonesLate > 0 && (
        <Tag color="red">{t('services.projects.lateCount', { count: p.milestonesLate })}</Tag>
      )}
    </Space>
  );
  const rating = (p: ServiceProjectSummary) =>
    p.ratingAvg === null ? '—' : `${p.ratingAvg.toFixed(1)} ★ (${p.ratingCount})`;
  const status = (p: ServiceProjectSummary) => (
    <Tag color={p.status === 'active' ? 'blue' : 'green'}>{t(`services.projects.statuses.${p.status}`)}</Tag>
  );
  return (
    <>
      <PageHeader
        title={t('services.projects.title')}
        extra={
          mayStart && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="project-add">
              {t('services.projects.add')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('services.projects.status')}
          value={filter.status}
          onChange={(v?: Filter['status']) => set({ status: v, page: undefined })}
          style={{ width: 140 }}
          options={SERVICE_PROJECT_STATUSES.map((s) => ({
            value: s,
            label: t(`services.projects.statuses.${s}`),
          }))}
        />
        <Select
          allowClear
          placeholder={t('services.projects.kind')}
          value={filter.kind}
          onChange={(v?: Filter['kind']) => set({ kind: v, page: undefined })}
          style={{ width: 140 }}
          options={SERVICE_PROJECT_KINDS.map((k) => ({ value: k, label: t(`services.projects.kinds.${k}`) }))}
        />
      </Space>
      <WorkList<ServiceProjectSummary>
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.isFetching}
        error={list.error}
        pagination={pagination}
        href={(p) => `${base}/${p.id}`}
        overdue={(p) => p.milestonesLate > 0 && p.status === 'active'}
        testIds={{ total: 'project-total', table: 'project-table', row: 'project-row', card: 'project-card' }}
        card={(p) => (
          <>
            <Flex justify="space-between" gap={8} align="center">
              <Typography.Text strong ellipsis>
                {p.name}
              </Typography.Text>
              {status(p)}
            </Flex>
            <Typography.Text type="secondary">{`${categories.label(p.category)} · ${p.orgName}`}</Typography.Text>
            <Progress percent={spentPercent(p)} size="small" format={() => `${p.spent}/${p.budget}`} />
            <div>
              {t('services.projects.milestones')} {milestones(p)} · {rating(p)}
            </div>
          </>
        )}
        columns={[
          {
            title: t('services.projects.name'),
            key: 'name',
            render: (_, p) => <Link to={`${base}/${p.id}`}>{p.name}</Link>,
          },
          {
            title: t('services.projects.kind'),
            key: 'kind',
            render: (_, p) => t(`services.projects.kinds.${p.kind}`),
          },
          {
            title: t('services.projects.category'),
            key: 'category',
            render: (_, p) => categories.label(p.category),
          },
          { title: t('services.projects.org'), dataIndex: 'orgName' },
          { title: t('services.projects.ownerDepartment'), dataIndex: 'ownerDepartment' },
          {
            title: t('services.projects.spending'),
            key: 'spent',
            render: (_, p) => (
              <Progress percent={spentPercent(p)} size="small" format={() => `${p.spent}/${p.budget}`} />
            ),
          },
          { title: t('services.projects.milestones'), key: 'milestones', render: (_, p) => milestones(p) },
          { title: t('services.projects.servedCount'), dataIndex: 'servedCount' },
          { title: t('services.projects.rating'), key: 'rating', render: (_, p) => rating(p) },
          { title: t('services.projects.status'), key: 'status', render: (_, p) => status(p) },
        ]}
      />
      {adding && <ProjectModal onClose={() => setAdding(false)} />}
    </>
  );
}

export const ProviderProjectsPage = () => <ProjectsPage base="/provider-projects" />;
export const MyProjectsPage = () => <ProjectsPage base="/my-projects" />;
