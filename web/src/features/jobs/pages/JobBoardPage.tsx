import { Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useJobBoard, type Job } from '../api.ts';
import { ApplyModal } from '../components/ApplyModal.tsx';
import { MatchTags } from '../components/MatchTags.tsx';
import { MyApplications } from '../components/MyApplications.tsx';

/** A resident's job board on a phone: open jobs near home ranked for one of the household, applying, and their applications. */
export function JobBoardPage() {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string>();
  const board = useJobBoard(personId);
  const [applying, setApplying] = useState<Job | null>(null);
  const chosen = personId ?? board.data?.members[0]?.personId;

  return (
    <>
      <PageHeader title={t('jobs.board.title')} />
      {board.error ? (
        <ErrorView error={board.error} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {t('jobs.board.as')}
            <Select
              style={{ minWidth: 140 }}
              value={chosen}
              onChange={setPersonId}
              data-testid="board-person"
              options={(board.data?.members ?? []).map((m) => ({ value: m.personId, label: m.name }))}
            />
          </Space>
          <Typography.Title level={5}>{t('jobs.board.near')}</Typography.Title>
          {board.data && board.data.jobs.length === 0 && <Empty description={t('jobs.board.empty')} />}
          {board.data?.jobs.map(({ job, ...match }) => (
            <Card
              key={job.id}
              size="small"
              title={job.title}
              data-testid="board-job"
              extra={
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setApplying(job)}
                  data-testid="board-apply"
                >
                  {t('jobs.board.apply')}
                </Button>
              }
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {t('jobs.wageRange', { min: job.wageMin, max: job.wageMax })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {job.enterpriseName} · {job.placeName}
                </Typography.Text>
                {(job.housing || job.skills.length > 0) && (
                  <Space size={4} wrap>
                    {job.housing && <Tag color="cyan">{t('jobs.housingYes')}</Tag>}
                    {job.skills.map((s) => (
                      <Tag key={s}>{s}</Tag>
                    ))}
                  </Space>
                )}
                {job.commuteNote && <Typography.Text type="secondary">{job.commuteNote}</Typography.Text>}
                <MatchTags match={match} />
              </Space>
            </Card>
          ))}
          <Typography.Title level={5}>{t('jobs.board.mine')}</Typography.Title>
          <MyApplications />
        </Space>
      )}
      {applying && chosen && (
        <ApplyModal job={applying} personId={chosen} onClose={() => setApplying(null)} />
      )}
    </>
  );
}
