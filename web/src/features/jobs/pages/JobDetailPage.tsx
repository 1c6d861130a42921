import type { Permission } from '@anju/contracts';
import { App, Button, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { useJob, useSaveJob } from '../api.ts';
import { ApplicantsTable } from '../components/ApplicantsTable.tsx';
import { CandidatesTable } from '../components/CandidatesTable.tsx';
import { JobModal } from '../components/JobModal.tsx';

/** One job: its terms, for officials the ranked candidates, and the applicants with their progress. */
export function JobDetailPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe().data;
  const may = (p: Permission) => !!me?.permissions.includes(p);
  const job = useJob(id);
  const save = useSaveJob();
  const [editing, setEditing] = useState(false);
  const official = !mine && may('job:read');
  const mayChange = mine ? may('job:post') : may('job:write');

  if (job.error) return <ErrorView error={job.error} />;
  const j = job.data;
  if (!j) return null;
  const toggle = () =>
    save.mutate(
      { id: j.id, body: { status: j.status === 'open' ? 'closed' : 'open', version: j.version } },
      { onError: (e) => void message.error(errorText(e)) },
    );

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {j.title}
            <Tag color={j.status === 'open' ? 'green' : undefined}>{t(`jobs.statuses.${j.status}`)}</Tag>
          </Space>
        }
        extra={
          mayChange && (
            <Space wrap>
              <Button onClick={() => setEditing(true)} data-testid="job-edit">
                {t('jobs.edit')}
              </Button>
              <Button onClick={toggle} loading={save.isPending} data-testid="job-toggle">
                {j.status === 'open' ? t('jobs.close') : t('jobs.reopen')}
              </Button>
            </Space>
          )
        }
      />
      <Link to={mine ? '/jobs/mine' : '/jobs'}>{t('jobs.back')}</Link>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label={t('jobs.enterprise')}>{j.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('jobs.wage')}>
          {t('jobs.wageRange', { min: j.wageMin, max: j.wageMax })}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobs.place')}>{j.placeName}</Descriptions.Item>
        <Descriptions.Item label={t('jobs.headcount')}>{j.headcount}</Descriptions.Item>
        <Descriptions.Item label={t('jobs.skills')}>{j.skills.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('jobs.housing')}>
          {j.housing ? t('jobs.housingYes') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('jobs.commuteNote')}>{j.commuteNote || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('jobs.applicants')}>{j.applicants}</Descriptions.Item>
        <Descriptions.Item label={t('jobs.hired')}>{j.hired}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'applications',
            label: t('jobs.applications'),
            children: (
              <ApplicantsTable job={j} mayDecide={mayChange} mayConsent={official && may('job:recommend')} />
            ),
          },
          ...(official
            ? [
                {
                  key: 'candidates',
                  label: t('jobs.candidates'),
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">{t('jobs.candidatesHelp')}</Typography.Paragraph>
                      <CandidatesTable job={j} mayRecommend={may('job:recommend')} />
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <JobModal job={j} pickEnterprise={false} onClose={() => setEditing(false)} />}
    </>
  );
}

/** One of an enterprise's own jobs, for its staff. */
export const MyJobDetailPage = () => <JobDetailPage mine />;
