import { Button, Card, Col, List, Row, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useFacilityKinds, useSite, type SiteDemand, type SiteFacility, type SupportTask } from '../api.ts';
import { FacilityModal } from '../components/FacilityModal.tsx';
import { ProjectModal } from '../components/ProjectModal.tsx';
import { TaskList } from '../components/TaskList.tsx';
import { TaskModal } from '../components/TaskModal.tsx';

function DemandTable({ rows }: { rows: SiteDemand[] }) {
  const { t } = useTranslation();
  const kinds = useFacilityKinds();
  return (
    <Table<SiteDemand>
      size="small"
      rowKey="kind"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      data-testid="site-demand"
      columns={[
        { title: t('sites.facility.kind'), dataIndex: 'kind', render: (k: string) => kinds.label(k) },
        {
          title: t('sites.demand.group'),
          dataIndex: 'group',
          render: (g: string, r) => `${t(`sites.group.${g}`)} ${r.people}`,
        },
        {
          title: t('sites.demand.demand'),
          dataIndex: 'demand',
          render: (d: number, r) => `${d} ${t(`sites.unit.${r.unit}`)}`,
        },
        { title: t('sites.demand.capacity'), dataIndex: 'capacity' },
        {
          title: t('sites.demand.gap'),
          dataIndex: 'gap',
          render: (g: number) => (g > 0 ? <Tag color="red">{g}</Tag> : <Tag color="green">0</Tag>),
        },
        {
          title: t('sites.demand.per1000'),
          dataIndex: 'per1000',
          render: (v: number, r) => t('sites.per1000', { value: v, standard: r.standardPer1000 }),
        },
      ]}
    />
  );
}

/** A site's follow-up support: demand against capacity, its facilities, industry projects and this year's plan. */
export function SitePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const site = useSite(id);
  const kinds = useFacilityKinds();
  const [facility, setFacility] = useState<SiteFacility | 'new' | null>(null);
  const [task, setTask] = useState<SupportTask | 'new' | null>(null);
  const [addingProject, setAddingProject] = useState(false);
  if (site.error) return <ErrorView error={site.error} />;
  const s = site.data;
  if (!s) return <Card loading />;
  const english = i18n.language.startsWith('en');
  return (
    <>
      <PageHeader title={s.name} extra={<Link to="/sites">{t('sites.title')}</Link>} />
      <Typography.Paragraph type="secondary">
        {t('sites.residents', { count: s.residents })}
      </Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'facilities',
            label: t('sites.tabs.facilities'),
            children: (
              <>
                <DemandTable rows={s.demand} />
                <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                  {s.facilities.map((f) => (
                    <Col xs={24} md={12} xl={8} key={f.id}>
                      <Card
                        size="small"
                        data-testid="facility"
                        title={f.name}
                        extra={
                          f.mayKeep && (
                            <Button size="small" onClick={() => setFacility(f)}>
                              {t('sites.facility.editShort')}
                            </Button>
                          )
                        }
                      >
                        <Tag>{kinds.label(f.kind)}</Tag>
                        <Tag>{t(`sites.state.${f.state}`)}</Tag>
                        <div>
                          {f.unit
                            ? t('sites.facility.capacityShown', {
                                capacity: f.capacity,
                                unit: t(`sites.unit.${f.unit}`),
                                demand: f.demand,
                              })
                            : t('sites.facility.noRule')}{' '}
                          {(f.gap ?? 0) > 0 && (
                            <Tag color="red">{t('sites.facility.short', { count: f.gap })}</Tag>
                          )}
                        </div>
                        <Typography.Text type="secondary">
                          {f.placeName} ·{' '}
                          {t('sites.facility.serves', { sites: f.sites.map((x) => x.name).join('、') })}
                        </Typography.Text>
                      </Card>
                    </Col>
                  ))}
                </Row>
                {s.mayKeep && (
                  <Button
                    style={{ marginTop: 12 }}
                    onClick={() => setFacility('new')}
                    data-testid="facility-add"
                  >
                    {t('sites.facility.add')}
                  </Button>
                )}
              </>
            ),
          },
          {
            key: 'projects',
            label: t('sites.tabs.projects'),
            children: (
              <>
                <List
                  dataSource={s.projects}
                  locale={{ emptyText: t('sites.project.none') }}
                  renderItem={(p) => (
                    <List.Item key={p.id} data-testid="project">
                      <div>
                        <Link to={`/sites/projects/${p.id}`}>{p.name}</Link>{' '}
                        <Tag>{t(`sites.projectKind.${p.kind}`)}</Tag>
                        <Tag color={p.status === 'running' ? 'green' : 'red'}>
                          {t(`sites.status.${p.status}`)}
                        </Tag>
                        <div>
                          <Typography.Text type="secondary">
                            {t('sites.project.line', {
                              households: p.households,
                              paid: p.paid,
                              investment: p.investment,
                            })}
                          </Typography.Text>
                        </div>
                      </div>
                    </List.Item>
                  )}
                />
                {s.mayKeep && (
                  <Button onClick={() => setAddingProject(true)} data-testid="project-add">
                    {t('sites.project.add')}
                  </Button>
                )}
              </>
            ),
          },
          {
            key: 'plan',
            label: t('sites.tabs.plan'),
            children: (
              <>
                <TaskList tasks={s.tasks} onOpen={s.mayKeep ? setTask : undefined} />
                {s.mayKeep && (
                  <Button onClick={() => setTask('new')} data-testid="task-add">
                    {t('sites.plan.add')}
                  </Button>
                )}
              </>
            ),
          },
          {
            key: 'norms',
            label: t('sites.tabs.norms'),
            children: (
              <List
                size="small"
                dataSource={s.norms}
                renderItem={(n) => (
                  <List.Item key={n.code}>
                    <div>
                      <Typography.Text strong>
                        {t(`sites.norm.${n.code}`, { value: n.value })}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary">
                          {english ? n.sourceEn : n.sourceZh}
                        </Typography.Text>
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
      {facility && (
        <FacilityModal
          facility={facility === 'new' ? undefined : facility}
          siteId={s.id}
          onClose={() => setFacility(null)}
        />
      )}
      {addingProject && <ProjectModal siteId={s.id} onClose={() => setAddingProject(false)} />}
      {task && (
        <TaskModal task={task === 'new' ? undefined : task} siteId={s.id} onClose={() => setTask(null)} />
      )}
    </>
  );
}
