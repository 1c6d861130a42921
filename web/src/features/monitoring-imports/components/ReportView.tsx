import { WHOLE_FILE_COLUMN, type MonitoringImportError } from '@anju/contracts';
import { Alert, Button, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../../ui/errors.ts';
import type { ImportKind, ImportResult } from '../api.ts';

interface Props {
  kind: ImportKind;
  result: ImportResult;
  committing: boolean;
  onCommit(skipBad: boolean): void;
  onRestart(): void;
}

/** The labels of a row error in the reader's language: the import's own reasons, else the shared ones (a whole-file refusal). */
export function useImportLabels() {
  const { t, i18n } = useTranslation();
  return {
    column: (column: string) => (column === WHOLE_FILE_COLUMN ? t('monitoringImports.wholeFile') : column),
    reason: (reason: string, params: Record<string, string | number> = {}) =>
      t(`monitoringImports.reasons.${reason}`, {
        ...params,
        defaultValue: reasonText(i18n, { reason, params }),
      }),
  };
}

const COUNTS: Record<ImportKind, string[]> = {
  departmentData: ['rows', 'valid', 'invalid', 'households'],
  incomes: ['rows', 'valid', 'invalid', 'households', 'created', 'updated'],
};

/** The dry run's outcome: counts, every bad row (row, column, reason), and the two ways to commit. */
export function ReportView({ kind, result, committing, onCommit, onRestart }: Props) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const bad = result.invalid > 0;
  const counts = result as unknown as Record<string, number>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="imports-report">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={COUNTS[kind].map((k) => ({
          key: k,
          label: t(`monitoringImports.counts.${k}`),
          children: <span data-testid={`imports-count-${k}`}>{counts[k]}</span>,
        }))}
      />
      {bad ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('monitoringImports.hasErrors', { count: result.invalid })}
          />
          {result.errorTotal > result.errors.length && (
            <Typography.Text type="secondary">
              {t('monitoringImports.firstErrors', { shown: result.errors.length, total: result.errorTotal })}
            </Typography.Text>
          )}
          <Table<MonitoringImportError>
            data-testid="imports-errors"
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
            size="small"
            dataSource={result.errors}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('monitoringImports.row'), dataIndex: 'row', width: 64 },
              {
                title: t('monitoringImports.column'),
                dataIndex: 'column',
                width: 100,
                render: (c: string) => labels.column(c),
              },
              {
                title: t('monitoringImports.reason'),
                dataIndex: 'reason',
                render: (_, e) => labels.reason(e.reason, e.params),
              },
            ]}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('monitoringImports.allValid')} />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={bad || result.valid === 0}
          loading={committing}
          onClick={() => onCommit(false)}
          data-testid="imports-commit"
        >
          {t('monitoringImports.commit')}
        </Button>
        {bad && (
          <Popconfirm
            title={t('monitoringImports.skipConfirm', { count: result.invalid })}
            onConfirm={() => onCommit(true)}
          >
            <Button disabled={result.valid === 0} loading={committing} data-testid="imports-commit-skip">
              {t('monitoringImports.commitSkip')}
            </Button>
          </Popconfirm>
        )}
        <Button onClick={onRestart} data-testid="imports-restart">
          {t('monitoringImports.again')}
        </Button>
      </Space>
    </Space>
  );
}
