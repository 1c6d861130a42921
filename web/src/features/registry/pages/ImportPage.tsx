import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { ApiError } from '../../../ui/api.ts';
import { useErrorText, useReasonText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ImportResult } from '../components/ImportResult.tsx';
import { TEMPLATE_URL, uploadImport, useCommitImport, useImportJob } from '../api.ts';

/** The import wizard: template → upload → dry run → errors or commit → done. The job id stays in the address. */
export function ImportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonText = useReasonText();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job') ?? undefined;
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const job = useImportJob(jobId, paging.page, paging.pageSize);
  const commit = useCommitImport(jobId);
  const [upload, setUpload] = useState<{ percent: number; error?: unknown } | null>(null);

  const start = async (file: File) => {
    setUpload({ percent: 0 });
    try {
      const created = await uploadImport(file, (percent) => setUpload({ percent }));
      setUpload(null);
      setPaging((p) => ({ ...p, page: 1 }));
      setParams({ job: created.id });
    } catch (error) {
      setUpload({ percent: 0, error });
    }
  };
  const restart = () => {
    commit.reset();
    setParams({});
  };

  const j = job.data && job.data.id === jobId ? job.data : undefined;
  const step = !jobId
    ? 0
    : !j || j.status === 'validating'
      ? 1
      : j.status === 'validated' || (j.status === 'failed' && !j.counts.rows)
        ? 2
        : j.status === 'committing'
          ? 3
          : 4;

  let body;
  if (job.error) body = <ErrorView error={job.error} />;
  else if (step === 0)
    body = (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download data-testid="import-template">
            {t('registry.import.template')}
          </Button>
          <Typography.Text type="secondary">{t('registry.import.templateHint')}</Typography.Text>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={!!upload && !upload.error}
          beforeUpload={(file) => (void start(file), false)}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('registry.import.drop')}</p>
          <p className="ant-upload-hint">{t('registry.import.formats')}</p>
        </Upload.Dragger>
        {upload && !upload.error && <Progress percent={upload.percent} data-testid="upload-progress" />}
        {upload?.error !== undefined && (
          <Alert
            type="error"
            showIcon
            title={errorText(upload.error)}
            description={
              upload.error instanceof ApiError &&
              upload.error.details.map((d) => <div key={d.reason}>{reasonText(d)}</div>)
            }
            data-testid="upload-error"
          />
        )}
      </Space>
    );
  else if (!j || j.status === 'validating' || j.status === 'committing')
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t(j?.status === 'committing' ? 'registry.import.committing' : 'registry.import.validating', {
            rows: j?.progress.rows ?? 0,
          })}
        </Typography.Text>
        <Progress percent={j?.progress.percent ?? 0} status="active" data-testid="import-progress" />
      </Space>
    );
  else if (j.status === 'committed')
    body = (
      <Result
        status="success"
        title={t('registry.import.done')}
        subTitle={t('registry.import.doneDetail', {
          persons: j.counts.newPersons,
          updates: j.counts.updates,
        })}
        data-testid="import-done"
        extra={
          <Space wrap>
            <Link to="/registry/persons">
              <Button type="primary" data-testid="import-to-persons">
                {t('registry.import.toPersons')}
              </Button>
            </Link>
            <Button onClick={restart}>{t('registry.import.again')}</Button>
          </Space>
        }
      />
    );
  else
    body = (
      <>
        {j.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('registry.import.failed')}
            description={j.errors.total > 0 ? undefined : j.message}
            style={{ marginBottom: 16 }}
            data-testid="import-failed"
          />
        )}
        {commit.error && (
          <Alert type="error" showIcon title={errorText(commit.error)} style={{ marginBottom: 16 }} />
        )}
        <ImportResult
          job={j}
          loading={job.isFetching}
          onPage={(page, pageSize) => setPaging({ page, pageSize })}
          onCommit={(skipBadRows) => commit.mutate(skipBadRows)}
          committing={commit.isPending}
          onRestart={restart}
        />
      </>
    );

  return (
    <>
      <PageHeader title={t('registry.import.title')} />
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={['upload', 'validate', 'review', 'commit', 'done'].map((s) => ({
            title: t(`registry.import.steps.${s}`),
          }))}
          responsive
        />
        {j && step > 0 && (
          <Typography.Paragraph type="secondary" data-testid="import-file">
            {t('registry.import.file', { name: j.fileName })}
          </Typography.Paragraph>
        )}
        {body}
      </Card>
    </>
  );
}
