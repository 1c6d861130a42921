import { Button, Card, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useListParams } from '../../../ui/useListParams.ts';
import { useMe } from '../../auth/api.ts';
import { useCourses, useTrainingKinds, type Course } from '../api.ts';
import { CourseModal } from '../components/CourseModal.tsx';

interface Filter {
  kind?: string;
  status?: 'upcoming' | 'running' | 'finished';
}
const FILTER_KEYS = ['kind', 'status'] as const;
const STATUSES = ['all', 'upcoming', 'running', 'finished'] as const;
const OFFERING_LEVELS = ['county', 'township', 'community'];

function CourseCard({ c }: { c: Course }) {
  const { t } = useTranslation();
  const kinds = useTrainingKinds();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="course">
      <Link to={`/training/${c.id}`}>
        <Typography.Text strong>{c.title}</Typography.Text>
      </Link>{' '}
      <Tag>{kinds.label(c.kind)}</Tag>
      <div>
        <Typography.Text type="secondary">
          {c.provider} · {c.placeName} · {c.startOn} – {c.endOn} ·{' '}
          {t('training.hoursShown', { hours: c.hours })}
        </Typography.Text>
      </div>
      <Space wrap size={4} style={{ marginTop: 4 }}>
        <Tag color={c.enrolled >= c.capacity ? 'red' : 'blue'}>
          {t('training.seats', { enrolled: c.enrolled, capacity: c.capacity })}
        </Tag>
        <Tag color="green">{t('training.completedCount', { count: c.completed })}</Tag>
        <Tag color={c.demand > 0 ? 'orange' : undefined} data-testid="course-demand">
          {t('training.demand', { count: c.demand })}
        </Tag>
      </Space>
    </Card>
  );
}

/** The training courses offered in the user's scope or above it, with the demand for each among their people. */
export function CoursesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { scope } = useScope();
  const mayWrite = !!me?.permissions.includes('training:write');
  const { filter, page, pageSize, set, pagination } = useListParams<Filter>(FILTER_KEYS);
  const list = useCourses({ ...filter, page, pageSize });
  const kinds = useTrainingKinds();
  const [adding, setAdding] = useState(false);
  const own = me?.scopes.length === 1 ? me.scopes[0] : undefined;
  const startPlace =
    scope && OFFERING_LEVELS.includes(scope.level ?? '')
      ? scope
      : own && OFFERING_LEVELS.includes(own.level)
        ? own
        : undefined;
  return (
    <>
      <PageHeader
        title={t('training.title')}
        extra={
          mayWrite && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="course-add">
              {t('training.add')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={filter.status ?? 'all'}
          options={STATUSES.map((s) => ({ value: s, label: t(`training.status.${s}`) }))}
          onChange={(s) => set({ status: s === 'all' ? undefined : String(s), page: '1' })}
        />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('training.fields.kind')}
          value={filter.kind}
          options={kinds.options}
          onChange={(k?: string) => set({ kind: k, page: '1' })}
        />
      </Space>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('training.none') }}
          renderItem={(c) => <CourseCard key={c.id} c={c} />}
          pagination={{ ...pagination, total: list.data?.total ?? 0, size: 'small' }}
        />
      )}
      {adding && <CourseModal place={startPlace} onClose={() => setAdding(false)} />}
    </>
  );
}
