import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { formatDay } from '../../../ui/format.ts';
import { useApplicants, useApplicationStep, type Application, type Job } from '../api.ts';
import { StepModal, type StepKind } from './StepModal.tsx';

const STATUS_COLOR: Record<string, string | undefined> = {
  recommended: 'orange',
  applied: 'blue',
  interview: 'purple',
  hired: 'green',
  rejected: 'red',
};

/** Whether a hire still works 3 and 6 months on; empty until hired. */
function RetentionTags({ a }: { a: Application }) {
  const { t } = useTranslation();
  if (!a.retention) return null;
  const tag = (label: string, v: boolean | null) => (
    <Tag color={v === null ? undefined : v ? 'green' : 'red'}>
      {label}: {v === null ? t('jobs.notYet') : v ? t('jobs.retained') : t('jobs.left')}
    </Tag>
  );
  return (
    <Space size={4} wrap>
      {tag(t('jobs.month3'), a.retention.month3)}
      {tag(t('jobs.month6'), a.retention.month6)}
    </Space>
  );
}

/** A job's applicants with their progress, and the steps the caller may take on each. */
export function ApplicantsTable({
  job,
  mayDecide,
  mayConsent,
}: {
  job: Job;
  mayDecide: boolean;
  mayConsent: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useApplicants(job.id);
  const reject = useApplicationStep();
  const [open, setOpen] = useState<{ a: Application; step: StepKind } | null>(null);
  const doing = (a: Application) => ['applied', 'interview'].includes(a.status);

  return (
    <>
      <Table<Application>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: true }}
        pagination={false}
        locale={{ emptyText: t('jobs.applicationsEmpty') }}
        data-testid="applicant-list"
        columns={[
          { title: t('jobs.person'), dataIndex: 'name' },
          { title: t('jobs.age'), dataIndex: 'age' },
          {
            title: t('jobs.phone'),
            dataIndex: 'phone',
            render: (p: string | null) => <span data-testid="applicant-phone">{p ?? '—'}</span>,
          },
          { title: t('jobs.skills'), key: 'skills', render: (_, a) => a.skills.join('、') },
          {
            title: t('jobs.state'),
            key: 'status',
            render: (_, a) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLOR[a.status]} data-testid="applicant-status">
                  {t(`jobs.appStatuses.${a.status}`)}
                </Tag>
                {a.interviewOn && a.status === 'interview' && formatDay(a.interviewOn)}
                {a.hiredOn && formatDay(a.hiredOn)}
              </Space>
            ),
          },
          { title: t('jobs.retention'), key: 'retention', render: (_, a) => <RetentionTags a={a} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, a) => (
              <Space size={4} wrap>
                {mayConsent && a.status === 'recommended' && (
                  <Button
                    size="small"
                    onClick={() => setOpen({ a, step: 'consent' })}
                    data-testid="applicant-consent"
                  >
                    {t('jobs.consent')}
                  </Button>
                )}
                {mayDecide && doing(a) && (
                  <>
                    <Button
                      size="small"
                      onClick={() => setOpen({ a, step: 'interview' })}
                      data-testid="applicant-interview"
                    >
                      {t('jobs.interview')}
                    </Button>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setOpen({ a, step: 'hire' })}
                      data-testid="applicant-hire"
                    >
                      {t('jobs.hire')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      loading={reject.isPending}
                      onClick={() =>
                        reject.mutate(
                          { id: a.id, step: 'reject', body: { version: a.version } },
                          { onError: (e) => void message.error(errorText(e)) },
                        )
                      }
                    >
                      {t('jobs.reject')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <StepModal application={open.a} step={open.step} wage={job.wageMin} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
