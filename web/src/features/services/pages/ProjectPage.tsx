import type { ServiceProjectDetail } from '@anju/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Image,
  Input,
  List,
  Progress,
  Rate,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime, formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCategories, useProject, useProjectWrite } from '../api.ts';
import { ProjectForms, type ProjectForm } from '../components/ProjectForms.tsx';
import { spentPercent } from './ProjectsPage.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** A served household's stars, once. */
function RateProject({ project }: { project: ServiceProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const write = useProjectWrite(project.id);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <Card size="small" title={t('services.projects.rateTitle')} style={{ marginBottom: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Rate value={stars} onChange={setStars} data-testid="project-stars" />
        <Input.TextArea
          maxLength={500}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Button
          type="primary"
          disabled={stars === 0}
          loading={write.isPending}
          data-testid="project-rate"
          onClick={() =>
            write.mutate(
              { path: 'ratings', body: { rating: stars, comment } },
              {
                onSuccess: () => message.success(t('services.projects.rated')),
                onError: (e) => message.error(errorText(e)),
              },
            )
          }
        >
          {t('services.projects.rate')}
        </Button>
      </Space>
    </Card>
  );
}

function Milestones({ project }: { project: ServiceProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const write = useProjectWrite(project.id);
  return (
    <List
      size="small"
      dataSource={project.milestones}
      locale={{ emptyText: t('services.projects.noMilestones') }}
      data-testid="project-milestones"
      renderItem={(m) => (
        <List.Item
          actions={
            project.can.report && m.doneOn === null
              ? [
                  <Button
                    key="done"
                    size="small"
                    data-testid="milestone-done"
                    onClick={() =>
                      write.mutate(
                        {
                          path: `/service-milestones/${m.id}/done`,
                          body: { version: m.version, doneOn: today() },
                        },
                        { onError: (e) => message.error(errorText(e)) },
                      )
                    }
                  >
                    {t('services.projects.reached')}
                  </Button>,
                ]
              : []
          }
        >
          <Space wrap>
            <Typography.Text>{m.title}</Typography.Text>
            <Typography.Text type="secondary">{`${t('services.projects.dueOn')} ${m.dueOn}`}</Typography.Text>
            {m.doneOn && (
              <Tag color={m.late ? 'orange' : 'green'}>
                {t('services.projects.doneOn', { day: m.doneOn })}
              </Tag>
            )}
            {!m.doneOn && m.late && <Tag color="red">{t('services.projects.late')}</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** One project: what it is, spending against budget, milestones, progress with photos, ratings and evaluation. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  const categories = useCategories();
  const [open, setOpen] = useState<ProjectForm | null>(null);
  if (project.error) return <ErrorView error={project.error} />;
  if (!project.data) return <Spin />;
  const p = project.data;
  const button = (form: ProjectForm, primary = false) => (
    <Button
      key={form}
      type={primary ? 'primary' : 'default'}
      onClick={() => setOpen(form)}
      data-testid={`project-${form}`}
    >
      {t(`services.projects.forms.${form}`)}
    </Button>
  );
  return (
    <div style={{ maxWidth: 860 }}>
      <PageHeader title={p.name} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={p.status === 'active' ? 'blue' : 'green'}>
          {t(`services.projects.statuses.${p.status}`)}
        </Tag>
        {p.can.report && button('report', true)}
        {p.can.manage && button('milestone')}
        {p.can.manage && button('served')}
        {p.can.manage && button('complaint')}
        {p.can.evaluate && button('evaluation')}
      </Space>
      {p.can.rate && <RateProject project={p} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('services.projects.kind')}>
            {t(`services.projects.kinds.${p.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.projects.category')}>
            {categories.label(p.category)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.projects.org')}>
            {p.can.manage || p.can.evaluate ? (
              <Link to={`/social-organizations/${p.orgId}`}>{p.orgName}</Link>
            ) : (
              p.orgName
            )}
          </Descriptions.Item>
          <Descriptions.Item
            label={t('services.projects.ownerDepartment')}
          >{`${p.ownerDepartment} · ${p.placeName}`}</Descriptions.Item>
          <Descriptions.Item
            label={t('services.projects.period')}
          >{`${p.startsOn} ~ ${p.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('services.projects.servedCount')}>{p.servedCount}</Descriptions.Item>
          <Descriptions.Item label={t('services.projects.spending')}>
            <Progress
              percent={spentPercent(p)}
              size="small"
              format={() => `${p.spent}/${p.budget} ${t('services.projects.yuan')}`}
              data-testid="project-spending"
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('services.projects.rating')}>
            {p.ratingAvg === null ? (
              '—'
            ) : (
              <Space>
                <Rate disabled allowHalf value={p.ratingAvg} />
                {`(${p.ratingCount})`}
              </Space>
            )}
          </Descriptions.Item>
          {p.myRating !== null && (
            <Descriptions.Item label={t('services.projects.myRating')}>
              <Rate disabled value={p.myRating} />
            </Descriptions.Item>
          )}
          {p.summary && (
            <Descriptions.Item label={t('services.projects.summary')}>{p.summary}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {p.evaluationGrade && (
        <Card
          size="small"
          title={t('services.projects.evaluation')}
          style={{ marginBottom: 12 }}
          data-testid="project-evaluation"
        >
          <Tag color="green">{t(`services.projects.grades.${p.evaluationGrade}`)}</Tag>
          {p.evaluation}
          {p.evaluatedAt && (
            <Typography.Text type="secondary">{` · ${formatDay(p.evaluatedAt)}`}</Typography.Text>
          )}
        </Card>
      )}
      <Card size="small" title={t('services.projects.milestones')} style={{ marginBottom: 12 }}>
        <Milestones project={p} />
      </Card>
      <Card size="small" title={t('services.projects.reports')} style={{ marginBottom: 12 }}>
        <List
          size="small"
          dataSource={p.reports}
          locale={{ emptyText: t('services.projects.noReports') }}
          data-testid="project-reports"
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>{r.note}</Typography.Text>
                <Typography.Text type="secondary">
                  {[
                    r.milestoneTitle,
                    r.spent > 0 ? `${r.spent} ${t('services.projects.yuan')}` : null,
                    r.authorName,
                    formatDateTime(r.at),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                <Image.PreviewGroup>
                  <Space wrap>
                    {r.photoIds.map((ph) => (
                      <Image
                        key={ph}
                        width={72}
                        height={72}
                        style={{ objectFit: 'cover' }}
                        src={`/api/service-project-photos/${ph}`}
                      />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {p.can.manage || p.served.length > 0 ? (
        <Card size="small" title={t('services.projects.served')} style={{ marginBottom: 12 }}>
          <List
            size="small"
            dataSource={p.served}
            pagination={p.served.length > 10 ? { pageSize: 10, size: 'small' } : false}
            renderItem={(s) => (
              <List.Item>
                {s.headName}
                {s.needId && <Link to={`/needs/${s.needId}`}>{` · ${s.needSummary}`}</Link>}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {p.complaints.length > 0 && (
        <Card size="small" title={t('services.projects.complaints')}>
          <List
            size="small"
            dataSource={p.complaints}
            renderItem={(c) => <List.Item>{`${c.summary} · ${formatDay(c.at)}`}</List.Item>}
          />
        </Card>
      )}
      {open && <ProjectForms project={p} form={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
