import { App, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { useMe } from '../../auth/api.ts';
import { useHouseholdEmployment } from '../../employment/api.ts';
import { usePersonJobs, useRecommend } from '../api.ts';
import { MatchTags } from './MatchTags.tsx';

/** One person's best open jobs, each with the score's parts, and recommending them for one. */
function PersonJobs({
  personId,
  name,
  mayRecommend,
}: {
  personId: string;
  name: string;
  mayRecommend: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const matches = usePersonJobs(personId);
  const recommend = useRecommend();
  return (
    <Card size="small" title={name} data-testid="person-jobs">
      <List
        size="small"
        loading={matches.isLoading}
        dataSource={matches.data ?? []}
        locale={{ emptyText: t('jobs.board.empty') }}
        renderItem={({ job, ...match }) => (
          <List.Item
            actions={
              mayRecommend
                ? [
                    <Button
                      key="recommend"
                      size="small"
                      onClick={() =>
                        recommend.mutate(
                          { jobId: job.id, personId },
                          {
                            onSuccess: () => void message.success(t('jobs.recommendDone')),
                            onError: (e) => void message.error(errorText(e)),
                          },
                        )
                      }
                    >
                      {t('jobs.recommend')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={2}>
              <Typography.Text strong>
                {job.title} · {t('jobs.wageRange', { min: job.wageMin, max: job.wageMax })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {job.enterpriseName} · {job.placeName}
              </Typography.Text>
              <MatchTags match={match} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The best open jobs of a household's members of the labour force who hold no job. */
export function HouseholdJobs({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const mayRecommend = !!useMe().data?.permissions.includes('job:recommend');
  const employment = useHouseholdEmployment(householdId);
  const seeking = (employment.data?.members ?? []).filter((m) => m.labourForce && !m.employed);
  if (employment.data && seeking.length === 0) return <Empty description={t('jobs.noneSeeking')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {seeking.map((m) => (
        <PersonJobs key={m.personId} personId={m.personId} name={m.name} mayRecommend={mayRecommend} />
      ))}
    </Space>
  );
}
