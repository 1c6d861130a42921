import { Card, Descriptions, List, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCategories, useOrg, useProjects } from '../api.ts';
import { CredibilityCard } from '../components/CredibilityCard.tsx';

/** One social organization: who it is, its credibility with the formula, and its projects. */
export function OrgPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const org = useOrg(id);
  const categories = useCategories();
  const projects = useProjects({ orgId: id, page: 1, pageSize: 50 });
  if (org.error) return <ErrorView error={org.error} />;
  if (!org.data) return <Spin />;
  const o = org.data;
  return (
    <div style={{ maxWidth: 860 }}>
      <PageHeader title={o.name} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('services.orgs.creditCode')}>{o.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('services.orgs.kind')}>
            {t(`services.orgs.kinds.${o.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.orgs.place')}>{o.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('services.orgs.placesServed')}>
            {o.placesServed.map((p) => p.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.orgs.serviceAreas')}>
            <Space size={4} wrap>
              {o.serviceAreas.map((a) => (
                <Tag key={a}>{categories.label(a)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.orgs.staffCount')}>
            {`${o.staffCount} / ${t('services.orgs.socialWorkerCount')} ${o.socialWorkerCount}`}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <CredibilityCard orgId={id} />
      <Card size="small" title={t('services.projects.title')}>
        <List
          size="small"
          loading={projects.isLoading}
          dataSource={projects.data?.items ?? []}
          locale={{ emptyText: t('services.projects.empty') }}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/service-projects/${p.id}`}>{p.name}</Link>
              <Tag color={p.status === 'active' ? 'blue' : 'green'}>
                {t(`services.projects.statuses.${p.status}`)}
              </Tag>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
