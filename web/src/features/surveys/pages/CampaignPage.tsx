import { Button, Card, Col, Descriptions, Progress, Row, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { apiUrl } from '../../../ui/api.ts';
import { EChart } from '../../../ui/EChart.tsx';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { useCampaign, useCampaignResults, type CampaignResults } from '../api.ts';

const pct = (answered: number, audience: number) => (audience ? Math.round((answered / audience) * 100) : 0);

function QuestionChart({ q }: { q: CampaignResults['questions'][number] }) {
  return (
    <Card size="small" title={q.label} style={{ marginBottom: 12 }} data-testid={`chart-${q.name}`}>
      <EChart
        height={Math.max(160, q.counts.length * 36)}
        option={{
          grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
          tooltip: {},
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: q.counts.map((c) => c.label) },
          series: [
            { type: 'bar', data: q.counts.map((c) => c.count), label: { show: true, position: 'right' } },
          ],
        }}
      />
    </Card>
  );
}

/** A campaign: what it asks of whom, and for officials its response rates, a chart per question and its answers to download. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe().data;
  const reads = !!me?.permissions.includes('survey:read');
  const answers = !!me?.permissions.some((p) => p === 'survey:answer' || p === 'survey:respond');
  const campaign = useCampaign(id);
  const results = useCampaignResults(id, reads);
  if (campaign.error) return <ErrorView error={campaign.error} />;
  if (!campaign.data) return <Card loading />;
  const c = campaign.data;
  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          <Space wrap>
            {answers && (
              <Link to={`/surveys/${c.id}/answer`}>
                <Button type="primary" data-testid="campaign-answer">
                  {t('surveys.answer')}
                </Button>
              </Link>
            )}
            {reads && (
              <>
                <Button href={apiUrl(`/surveys/campaigns/${c.id}/answers`, { format: 'xlsx' })}>
                  {t('surveys.exportXlsx')}
                </Button>
                <Button href={apiUrl(`/surveys/campaigns/${c.id}/answers`, { format: 'csv' })}>
                  {t('surveys.exportCsv')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('surveys.fields.form')}>
          {c.formTitle} <Tag>{t('surveys.version', { version: c.formVersion })}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.fields.place')}>{c.placeName}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.fields.audience')}>
          {t(`surveys.audience.${c.audience}`)}
          {c.tag ? ` · ${c.tag}` : ''}
          {c.anonymous && <Tag style={{ marginLeft: 8 }}>{t('surveys.anonymous')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.fields.dates')}>
          {c.opensOn} – {c.closesOn}
        </Descriptions.Item>
        {reads && <Descriptions.Item label={t('surveys.answered')}>{c.answered}</Descriptions.Item>}
      </Descriptions>
      {reads && results.data && (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('surveys.rates')} style={{ marginBottom: 12 }}>
              <Table
                size="small"
                rowKey="placeId"
                pagination={false}
                dataSource={results.data.rates}
                data-testid="campaign-rates"
                columns={[
                  {
                    title: t('surveys.fields.place'),
                    dataIndex: 'placeName',
                    render: (name: string, r) =>
                      r.level === 'grid' ? <span style={{ paddingLeft: 12 }}>{name}</span> : <b>{name}</b>,
                  },
                  {
                    title: t('surveys.rate'),
                    render: (_, r) => (
                      <span>
                        <Progress
                          percent={pct(r.answered, r.audience)}
                          size="small"
                          style={{ width: 120, margin: 0 }}
                        />{' '}
                        {r.answered}/{r.audience}
                      </span>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            {results.data.questions.map((q) => (
              <QuestionChart key={q.name} q={q} />
            ))}
          </Col>
        </Row>
      )}
    </>
  );
}
