import type { NeedDetail, ProviderMatch } from '@anju/contracts';
import { App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { useMatches, useNeedStep } from '../api.ts';

/**
 * The providers ranked for an open need, each with the parts of its score, to refer from at once;
 * and the resources available at the need's place.
 */
export function MatchesCard({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const matches = useMatches(need.id, true);
  const step = useNeedStep(need.id);
  const refer = (m: ProviderMatch) =>
    step.mutate(
      { action: 'refer', orgId: m.orgId, version: need.version },
      {
        onSuccess: () => message.success(t('services.needs.stepDone')),
        onError: (e) => message.error(errorText(e)),
      },
    );
  const data = matches.data;
  const mayRefer = need.actions.includes('refer');
  return (
    <Card
      size="small"
      title={t('services.matching.title')}
      style={{ marginBottom: 12 }}
      data-testid="need-matches"
    >
      {data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('services.matching.formula', {
            credibility: data.weights.credibility.value,
            capacity: data.weights.capacity.value,
            cases: data.weights.casesPerStaff.value,
          })}
        </Typography.Paragraph>
      )}
      <Table<ProviderMatch>
        size="small"
        rowKey="orgId"
        loading={matches.isLoading}
        dataSource={data?.providers ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('services.needs.noProviders') }}
        columns={[
          { title: '#', dataIndex: 'rank', width: 40 },
          { title: t('services.needs.org'), dataIndex: 'orgName' },
          {
            title: t('services.matching.credibility'),
            key: 'cred',
            render: (_, m) => `${m.credibility} → ${m.parts.credibility}`,
          },
          {
            title: t('services.matching.capacity'),
            key: 'cap',
            render: (_, m) => `${m.capacityLeft}/${m.capacity} → ${m.parts.capacity}`,
          },
          {
            title: t('services.matching.score'),
            key: 'score',
            render: (_, m) => <Tag color="blue">{m.score}</Tag>,
          },
          {
            key: 'refer',
            render: (_, m) =>
              mayRefer && (
                <Button
                  size="small"
                  type="primary"
                  loading={step.isPending}
                  onClick={() => refer(m)}
                  data-testid="match-refer"
                >
                  {t('services.matching.refer')}
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('services.matching.resources')}
      </Typography.Title>
      <List
        size="small"
        dataSource={data?.resources ?? []}
        locale={{ emptyText: t('services.matching.noResources') }}
        renderItem={(r) => (
          <List.Item>
            <Space wrap>
              {r.name}
              <Typography.Text type="secondary">{`${r.donorName} · ${r.placeName}`}</Typography.Text>
              <Tag>{`${r.remaining} ${r.unit}`}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
