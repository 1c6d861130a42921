import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { WHOLE_FILE_COLUMN } from '@anju/contracts';
import { Alert, Button, Descriptions, Popconfirm, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { reasonText, useErrorText } from './errors.ts';

/** A problem of a row (or of the whole file) as an import reports it. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
  params: Record<string, string | number>;
}

/** What every checked import answers, dry run or commit. */
export interface ImportOutcome {
  committed: boolean;
  valid: number;
  invalid: number;
  errors: RowProblem[];
  errorTotal: number;
}

export interface ImportLabels {
  column(column: string): string;
  reason(reason: string, params?: Record<string, string | number>): string;
}

/** Labels of an import's problems in the reader's language: the import's own reasons under `reasonsKey`, else the shared ones. */
export function useImportLabels(reasonsKey: string): ImportLabels {
  const { t, i18n } = useTranslation();
  return {
    column: (column) => (column === WHOLE_FILE_COLUMN ? t('common.fileImport.wholeFile') : column),
    reason: (reason, params = {}) =>
      t(`${reasonsKey}.${reason}`, { ...params, defaultValue: reasonText(i18n, { reason, params }) }),
  };
}

interface Props<R extends ImportOutcome> {
  /** The prefix of the test ids (`imports-upload`, `imports-commit`…). */
  testId?: string;
  templateHref: string;
  templateLabel?: string;
  labels: ImportLabels;
  /** Sends the file, checking it (`commit` false) or saving it; null when the page's own fields are not ready. */
  send(
    file: File,
    commit: boolean,
    skipBad: boolean,
    onProgress: (percent: number) => void,
  ): Promise<R | null>;
  /** The counts shown above the problems. */
  counts(result: R): { key: string; label: string; value: number }[];
  /** Whether the good rows may be committed without the bad ones; otherwise every row or none. */
  skipBad?: boolean;
  /** What goes above the upload (an introduction, the page's own fields), told whether it is locked. */
  header?(locked: boolean): ReactNode;
  /** What a commit wrote. */
  done(result: R, restart: () => void): ReactNode;
}

/** A checked import of a file: template, upload with progress, the dry run's report of every bad row, commit. */
export function FileImport<R extends ImportOutcome>(props: Props<R>) {
  const { testId = 'imports', labels } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState<{ commit: boolean; percent: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<R | null>(null);

  const send = async (f: File, commit: boolean, skipBad = false) => {
    setError(null);
    setSending({ commit, percent: 0 });
    try {
      const sent = await props.send(f, commit, skipBad, (percent) => setSending({ commit, percent }));
      if (sent) {
        setFile(f);
        setResult(sent);
      }
    } catch (e) {
      setError(e);
    } finally {
      setSending(null);
    }
  };
  const restart = () => {
    setFile(null);
    setResult(null);
    setError(null);
  };
  const refusal = error instanceof ApiError ? error.details : [];
  const bad = !!result && result.invalid > 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {props.header?.(!!result || !!sending)}
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={props.templateHref}
          download
          data-testid={`${testId}-template`}
        >
          {props.templateLabel ?? t('common.fileImport.template')}
        </Button>
      </Space>
      {!result && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={!!sending}
          beforeUpload={(f) => (void send(f, false), false)}
          data-testid={`${testId}-upload`}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('common.fileImport.drop')}</p>
          <p className="ant-upload-hint">{t('common.fileImport.formats')}</p>
        </Upload.Dragger>
      )}
      {sending && (
        <div data-testid={`${testId}-progress`}>
          <Typography.Text>
            {t(
              sending.percent < 100
                ? 'common.fileImport.uploading'
                : sending.commit
                  ? 'common.fileImport.committing'
                  : 'common.fileImport.checking',
            )}
          </Typography.Text>
          <Progress percent={sending.percent} status={sending.percent < 100 ? 'normal' : 'active'} />
        </div>
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          data-testid={`${testId}-error`}
          title={errorText(error)}
          description={
            refusal.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {refusal.map((d) => (
                  <li key={`${d.field}-${d.reason}`}>
                    {labels.column(d.field)}：{labels.reason(d.reason, d.params)}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {result && file && !result.committed && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid={`${testId}-report`}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={props.counts(result).map((c) => ({
              key: c.key,
              label: c.label,
              children: <span data-testid={`${testId}-count-${c.key}`}>{c.value}</span>,
            }))}
          />
          {bad ? (
            <>
              <Alert
                type="warning"
                showIcon
                title={t(props.skipBad ? 'common.fileImport.hasErrorsSkip' : 'common.fileImport.hasErrors', {
                  count: result.invalid,
                })}
              />
              {result.errorTotal > result.errors.length && (
                <Typography.Text type="secondary">
                  {t('common.fileImport.firstErrors', {
                    shown: result.errors.length,
                    total: result.errorTotal,
                  })}
                </Typography.Text>
              )}
              <Table<RowProblem>
                data-testid={`${testId}-errors`}
                rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
                size="small"
                dataSource={result.errors}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  { title: t('common.fileImport.row'), dataIndex: 'row', width: 64 },
                  {
                    title: t('common.fileImport.column'),
                    dataIndex: 'column',
                    width: 100,
                    render: (c: string) => labels.column(c),
                  },
                  {
                    title: t('common.fileImport.reason'),
                    dataIndex: 'reason',
                    render: (_, e) => labels.reason(e.reason, e.params),
                  },
                ]}
              />
            </>
          ) : (
            <Alert type="success" showIcon title={t('common.fileImport.allValid')} />
          )}
          <Space wrap>
            <Button
              type="primary"
              disabled={bad || result.valid === 0}
              loading={!!sending}
              onClick={() => void send(file, true)}
              data-testid={`${testId}-commit`}
            >
              {t('common.fileImport.commit')}
            </Button>
            {bad && props.skipBad && (
              <Popconfirm
                title={t('common.fileImport.skipConfirm', { count: result.invalid })}
                onConfirm={() => void send(file, true, true)}
              >
                <Button
                  disabled={result.valid === 0}
                  loading={!!sending}
                  data-testid={`${testId}-commit-skip`}
                >
                  {t('common.fileImport.commitSkip')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={restart} data-testid={`${testId}-restart`}>
              {t('common.fileImport.again')}
            </Button>
          </Space>
        </Space>
      )}
      {result?.committed && props.done(result, restart)}
    </Space>
  );
}
