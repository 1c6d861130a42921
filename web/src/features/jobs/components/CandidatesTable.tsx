import { App, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { useCandidates, useRecommend, type Candidate, type Job } from '../api.ts';
import { MatchTags } from './MatchTags.tsx';

/** The unemployed labour of the official's area ranked for a job, each score with its parts; recommending one. */
export function CandidatesTable({ job, mayRecommend }: { job: Job; mayRecommend: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useCandidates(job.id, true);
  const recommend = useRecommend();

  return (
    <Table<Candidate>
      rowKey="personId"
      size="small"
      loading={list.isLoading}
      dataSource={list.data ?? []}
      scroll={{ x: true }}
      pagination={{ pageSize: 10 }}
      data-testid="candidate-list"
      columns={[
        { title: t('jobs.person'), dataIndex: 'name' },
        { title: t('jobs.age'), dataIndex: 'age' },
        { title: t('jobs.household'), dataIndex: 'householdNo' },
        { title: t('jobs.score'), key: 'score', render: (_, c) => <MatchTags match={c} /> },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, c) =>
            c.applicationStatus ? (
              <Tag>{t(`jobs.appStatuses.${c.applicationStatus}`)}</Tag>
            ) : (
              mayRecommend &&
              job.status === 'open' && (
                <Button
                  size="small"
                  loading={recommend.isPending && recommend.variables?.personId === c.personId}
                  onClick={() =>
                    recommend.mutate(
                      { jobId: job.id, personId: c.personId },
                      {
                        onSuccess: () => void message.success(t('jobs.recommendDone')),
                        onError: (e) => void message.error(errorText(e)),
                      },
                    )
                  }
                  data-testid="candidate-recommend"
                >
                  {t('jobs.recommend')}
                </Button>
              )
            ),
        },
      ]}
    />
  );
}
