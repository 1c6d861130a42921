import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { useMe } from '../../auth/api.ts';
import { useCampaigns, useSurveyForms, type Campaign } from '../api.ts';
import { CampaignModal } from '../components/CampaignModal.tsx';
import { ImportFormModal } from '../components/ImportFormModal.tsx';

function CampaignCard({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="campaign">
      <Link to={`/surveys/${c.id}`}>
        <Typography.Text strong>{c.title}</Typography.Text>
      </Link>
      <div>
        <Typography.Text type="secondary">
          {c.placeName} · {c.opensOn} – {c.closesOn}
        </Typography.Text>
      </div>
      <Space wrap size={4} style={{ marginTop: 4 }}>
        <Tag>{t(`surveys.audience.${c.audience}`)}</Tag>
        {c.anonymous && <Tag color="purple">{t('surveys.anonymous')}</Tag>}
        <Tag color="blue">{t('surveys.answeredCount', { count: c.answered })}</Tag>
      </Space>
    </Card>
  );
}

/** Campaigns of the user's scope and the forms kept there; officials import forms and send campaigns. */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const mayWrite = !!me?.permissions.includes('survey:write');
  const reads = !!me?.permissions.includes('survey:read');
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns(page, 20);
  const forms = useSurveyForms(1, 50);
  const [importing, setImporting] = useState(false);
  const [sending, setSending] = useState<string | undefined | false>(false);
  // forms and campaigns start on the place picked in the header, else the user's own place
  const { scope } = useScope();
  const picked = scope ?? (me?.scopes.length === 1 ? me.scopes[0] : undefined);
  const own = picked && { id: picked.id, name: picked.name };
  if (campaigns.error) return <ErrorView error={campaigns.error} />;
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        extra={
          mayWrite && (
            <Space wrap>
              <Button onClick={() => setImporting(true)} data-testid="survey-import">
                {t('surveys.importForm')}
              </Button>
              <Button type="primary" onClick={() => setSending(undefined)} data-testid="campaign-add">
                {t('surveys.newCampaign')}
              </Button>
            </Space>
          )
        }
      />
      <List
        loading={campaigns.isLoading}
        dataSource={campaigns.data?.items ?? []}
        locale={{ emptyText: t('surveys.none') }}
        renderItem={(c) => <CampaignCard key={c.id} c={c} />}
        pagination={{
          current: page,
          pageSize: 20,
          total: campaigns.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
      />
      {reads && (
        <Card size="small" title={t('surveys.forms')} style={{ marginTop: 16 }}>
          <List
            dataSource={forms.data?.items ?? []}
            locale={{ emptyText: t('surveys.noForms') }}
            renderItem={(f) => (
              <List.Item
                key={f.id}
                data-testid="survey-form-row"
                actions={
                  mayWrite
                    ? [
                        <a key="send" onClick={() => setSending(f.id)}>
                          {t('surveys.send')}
                        </a>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={f.title}
                  description={`${f.placeName} · ${t('surveys.version', { version: f.formVersion })} · ${t('surveys.questions', { count: f.questions })}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {importing && (
        <ImportFormModal
          onClose={() => setImporting(false)}
          onImported={(id) => (setImporting(false), setSending(id))}
        />
      )}
      {sending !== false && (
        <CampaignModal
          place={own}
          formId={sending}
          forms={forms.data?.items ?? []}
          onClose={() => setSending(false)}
        />
      )}
    </>
  );
}
