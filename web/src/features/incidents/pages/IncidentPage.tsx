import { Card, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useIncident } from '../api.ts';
import { ActionPanel } from '../components/ActionPanel.tsx';
import { IncidentFacts } from '../components/IncidentFacts.tsx';
import { IncidentTags } from '../components/IncidentTags.tsx';
import { IncidentWhere } from '../components/IncidentWhere.tsx';
import { Photos } from '../components/Photos.tsx';
import { ResidentView } from '../components/ResidentView.tsx';
import { Steps } from '../components/Steps.tsx';

/** One incident: officials see its facts, photos, deadlines, timeline and their actions; residents their report in plain words. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const incident = useIncident(id);
  if (incident.error) return <ErrorView error={incident.error} />;
  if (!incident.data) return <Skeleton active />;
  const i = incident.data;
  if (!me.permissions.includes('incident:read'))
    return (
      <>
        <PageHeader title={t('incidents.mine.detail')} />
        <ResidentView incident={i} />
      </>
    );
  const photos = i.steps.flatMap((s) => s.photoIds);
  const voices = i.steps.flatMap((s) => s.voiceIds);
  return (
    <>
      <PageHeader
        title={`${i.code} ${i.title || t('incidents.quick.untitled')}`}
        extra={<IncidentTags incident={i} />}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <IncidentFacts incident={i} />
          <div style={{ marginTop: 12 }}>
            <ActionPanel incident={i} />
          </div>
        </Card>
        {photos.length + voices.length > 0 && (
          <Card title={t('incidents.photos.label')}>
            <Photos ids={photos} voiceIds={voices} />
          </Card>
        )}
        <Card title={t('incidents.where.map')}>
          <IncidentWhere incident={i} />
        </Card>
        <Card title={t('incidents.detail.timeline')}>
          <Steps steps={i.steps} />
        </Card>
      </Space>
    </>
  );
}
