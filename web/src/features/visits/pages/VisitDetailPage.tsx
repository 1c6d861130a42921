import { AlertOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Image, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useErrorText } from '../../../ui/errors.ts';
import { VisitLeadButton } from '../../monitoring/index.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useAddPhotos, useVisit, useVisitKinds } from '../api.ts';
import { IncidentModal } from '../components/IncidentModal.tsx';
import { PhotoPicker } from '../../../ui/PhotoPicker.tsx';

/** One visit: facts, photos, and 「转为事件」 turning its finding into an incident that it links to. */
export function VisitDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const visit = useVisit(id);
  const kinds = useVisitKinds();
  const addPhotos = useAddPhotos(id);
  const errorText = useErrorText();
  const [converting, setConverting] = useState(false);
  if (visit.error) return <ErrorView error={visit.error} />;
  if (!visit.data) return <Spin size="large" />;
  const v = visit.data;
  const writable = me.permissions.includes('visit:write');
  const kind = kinds.data?.find((k) => k.code === v.kind);
  const kindLabel = kind ? (i18n.language.startsWith('en') ? kind.labelEn : kind.labelZh) : v.kind;
  const text = (s: string) =>
    s ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s}</Typography.Paragraph>
    ) : (
      t('visits.detail.none')
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('visits.detail.title')}
        extra={
          <Space wrap>
            <VisitLeadButton visit={v} />
            {v.incidentId ? (
              <Link to={`/incidents/${v.incidentId}`} data-testid="visit-incident-link">
                <Button icon={<LinkOutlined />}>{t('visits.detail.openIncident')}</Button>
              </Link>
            ) : (
              writable && (
                <Button
                  type="primary"
                  danger
                  icon={<AlertOutlined />}
                  onClick={() => setConverting(true)}
                  data-testid="visit-to-incident"
                >
                  {t('visits.detail.toIncident')}
                </Button>
              )
            )}
          </Space>
        }
      />
      <Card size="small">
        <Descriptions column={1} size="small" data-testid="visit-facts">
          <Descriptions.Item label={t('visits.detail.household')}>
            <Link to={`/registry/households/${v.householdId}`}>
              {v.headName} · {v.householdNo}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.detail.visitedOn')}>{v.visitedOn}</Descriptions.Item>
          <Descriptions.Item label={t('visits.detail.visitor')}>{v.visitorName}</Descriptions.Item>
          <Descriptions.Item label={t('visits.detail.kind')}>{kindLabel}</Descriptions.Item>
          <Descriptions.Item label={t('visits.detail.findings')}>{text(v.findings)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.detail.followUps')}>{text(v.followUps)}</Descriptions.Item>
          {v.incidentId && (
            <Descriptions.Item label={t('visits.detail.becameIncident')}>
              <Tag color="red" data-testid="visit-incident">
                {t('visits.detail.becameIncident')}
              </Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('visits.detail.photos')}>
        <Flex wrap gap={8} data-testid="visit-photos">
          <Image.PreviewGroup>
            {v.photoIds.map((p) => (
              <Image
                key={p}
                src={`/api/visit-photos/${p}`}
                width={96}
                height={96}
                style={{ objectFit: 'cover' }}
                alt=""
              />
            ))}
          </Image.PreviewGroup>
          {v.photoIds.length === 0 && (
            <Typography.Text type="secondary">{t('visits.detail.none')}</Typography.Text>
          )}
        </Flex>
        {writable && (
          <div style={{ marginTop: 8 }}>
            <PhotoPicker
              look="camera"
              addLabel={t('visits.form.takePhoto')}
              removeLabel={t('visits.form.removePhoto')}
              testId="visit-photo"
              value={[]}
              onChange={(files) =>
                addPhotos.mutate(files, { onError: (e) => void message.error(errorText(e)) })
              }
            />
          </div>
        )}
      </Card>
      {converting && <IncidentModal visit={v} onClose={() => setConverting(false)} />}
    </Space>
  );
}
