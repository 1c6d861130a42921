import { App, Button, Card, Descriptions, Empty, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useLabour } from '../../employment/api.ts';
import { useCourse, useEnrol, useTrainingKinds, type CourseDetail } from '../api.ts';
import { CourseModal } from '../components/CourseModal.tsx';
import { EnrolmentCard } from '../components/EnrolmentCard.tsx';

/** Picks a person of the labour register in scope and enrols them. */
function Enrol({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const labour = useLabour({ page: 1, pageSize: 200 });
  const enrol = useEnrol(course.id);
  const [personId, setPersonId] = useState<string>();
  const taken = new Set(course.enrolments.map((e) => e.personId));
  const options = (labour.data?.items ?? [])
    .filter((p) => !taken.has(p.personId))
    .map((p) => ({ value: p.personId, label: `${p.name} · ${p.householdNo}` }));
  const full = course.enrolled >= course.capacity;
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={full ? t('training.full') : t('training.pickPerson')}
        disabled={full}
        loading={labour.isLoading}
        value={personId}
        onChange={setPersonId}
        options={options}
        style={{ flex: 1 }}
        data-testid="enrol-person"
      />
      <Button
        type="primary"
        disabled={!personId || full}
        loading={enrol.isPending}
        data-testid="enrol-save"
        onClick={() =>
          enrol.mutate(personId!, {
            onSuccess: () => (message.success(t('training.enrolled')), setPersonId(undefined)),
            onError: (e) => message.error(errorText(e)),
          })
        }
      >
        {t('training.enrol')}
      </Button>
    </Space.Compact>
  );
}

/** A course: its facts, the people enrolled with their attendance, completions and certificates. */
export function CourseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useCourse(id);
  const kinds = useTrainingKinds();
  const [editing, setEditing] = useState(false);
  if (query.error) return <ErrorView error={query.error} />;
  const c = query.data;
  if (!c) return <Card loading />;
  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          c.mayKeep && (
            <Button onClick={() => setEditing(true)} data-testid="course-edit">
              {t('training.edit')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('training.fields.kind')}>{kinds.label(c.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.provider')}>{c.provider}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.place')}>{c.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.dates')}>
            {c.startOn} – {c.endOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.fields.hours')}>{c.hours}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.capacity')}>
            <span data-testid="course-seats">
              {t('training.seats', { enrolled: c.enrolled, capacity: c.capacity })}
            </span>
          </Descriptions.Item>
        </Descriptions>
        <Space wrap size={4}>
          <Tag color="green">{t('training.completedCount', { count: c.completed })}</Tag>
          <Tag color={c.demand > 0 ? 'orange' : undefined}>{t('training.demand', { count: c.demand })}</Tag>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('training.norm', { pct: c.completionPct })}
        </Typography.Paragraph>
      </Card>
      {c.mayKeep && (
        <div style={{ marginBottom: 12 }}>
          <Enrol course={c} />
        </div>
      )}
      {c.enrolments.length === 0 ? (
        <Empty description={t('training.noEnrolments')} />
      ) : (
        c.enrolments.map((e) => <EnrolmentCard key={`${e.id}-${e.version}`} e={e} course={c} />)
      )}
      {editing && <CourseModal course={c} onClose={() => setEditing(false)} />}
    </>
  );
}
