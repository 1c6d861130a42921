import { DownloadOutlined } from '@ant-design/icons';
import { WHOLE_FILE, type ImportError, type ImportJob } from '@anju/contracts';
import { Alert, Button, Descriptions, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorsUrl } from '../api.ts';

interface Props {
  job: ImportJob;
  loading: boolean;
  onPage(page: number, pageSize: number): void;
  onCommit(skipBadRows: boolean): void;
  committing: boolean;
  onRestart(): void;
}

/** The dry run's outcome: counts, every bad row (row, column, reason), and the two ways to commit. */
export function ImportResult({ job, loading, onPage, onCommit, committing, onRestart }: Props) {
  const { t, i18n } = useTranslation();
  const c = job.counts;
  const bad = job.errors.total > 0;
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 3 }}
        style={{ marginBottom: 16 }}
        data-testid="import-counts"
        items={(['rows', 'valid', 'invalid', 'newPersons', 'updates', 'households'] as const).map((k) => ({
          key: k,
          label: t(`registry.import.counts.${k}`),
          children: <span data-testid={`import-count-${k}`}>{c[k]}</span>,
        }))}
      />
      {job.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('registry.importNotes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {job.notes.map((n) => (
                <li key={`${n.reason}-${n.column}-${JSON.stringify(n.params)}`}>
                  {t(`registry.importReasons.${n.reason}`, n.params)}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="import-notes"
        />
      )}
      {bad ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('registry.import.hasErrors', { count: job.errors.total })}
            style={{ marginBottom: 12 }}
          />
          <Table<ImportError>
            data-testid="import-errors"
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}-${JSON.stringify(e.params)}`}
            size="small"
            loading={loading}
            dataSource={job.errors.items}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: job.errors.page,
              pageSize: job.errors.pageSize,
              total: job.errors.total,
              showTotal: (count) => t('common.total', { count }),
              onChange: onPage,
            }}
            columns={[
              { title: t('registry.import.row'), dataIndex: 'row', width: 80 },
              {
                title: t('registry.import.column'),
                dataIndex: 'column',
                width: 120,
                render: (column: string) => (column === WHOLE_FILE ? t('registry.import.wholeFile') : column),
              },
              {
                title: t('registry.import.reason'),
                dataIndex: 'reason',
                render: (_, e) => t(`registry.importReasons.${e.reason}`, e.params),
              },
            ]}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('registry.import.allValid')} style={{ marginBottom: 12 }} />
      )}
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={bad || c.valid === 0}
          loading={committing}
          onClick={() => onCommit(false)}
          data-testid="import-commit"
        >
          {t('registry.import.commitAll')}
        </Button>
        {bad && (
          <Popconfirm title={t('registry.import.skipConfirm')} onConfirm={() => onCommit(true)}>
            <Button disabled={c.valid === 0} loading={committing} data-testid="import-commit-skip">
              {t('registry.import.commitSkip')}
            </Button>
          </Popconfirm>
        )}
        {bad && (
          <Button
            icon={<DownloadOutlined />}
            href={errorsUrl(job.id, i18n.language)}
            download
            data-testid="import-errors-download"
          >
            {t('registry.import.errorsXlsx')}
          </Button>
        )}
        <Button onClick={onRestart} data-testid="import-restart">
          {t('registry.import.again')}
        </Button>
      </Space>
    </>
  );
}
