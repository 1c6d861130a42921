import { DownloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@anju/contracts';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useAuditActions } from '../actions.ts';
import { exportUrl, useAuditLog, type AuditFilter } from '../api.ts';
import { AuditFilters } from '../components/AuditFilters.tsx';

const RESULT_COLOR = { ok: 'green', denied: 'orange', failed: 'red' } as const;

export function AuditPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const log = useAuditLog(filter, paging.page, paging.pageSize);
  const actions = useAuditActions();

  const exports = me.permissions.includes('audit:export') && (
    <Space wrap>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          href={exportUrl(filter, format)}
          download
          data-testid={`audit-export-${format}`}
        >
          {t(format === 'xlsx' ? 'audit.exportXlsx' : 'audit.exportCsv')}
        </Button>
      ))}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('audit.title')} extra={exports} />
      <Card>
        <AuditFilters
          onChange={(f) => {
            setFilter(f);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        {log.error ? (
          <ErrorView error={log.error} />
        ) : (
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            loading={log.isFetching}
            dataSource={log.data?.items}
            expandable={{
              expandedRowRender: (e) => (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.detail, null, 2)}</pre>
              ),
            }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: log.data?.total,
              showTotal: (count) => t('common.total', { count }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            columns={[
              {
                title: t('audit.at'),
                dataIndex: 'at',
                render: formatDateTime,
              },
              {
                title: t('audit.actor'),
                dataIndex: 'actorName',
                render: (name: string | null) => name ?? '—',
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (action: string) => (
                  <>
                    {actions.nameOf(action)}{' '}
                    <Typography.Text type="secondary" code>
                      {action}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('audit.target'),
                key: 'target',
                render: (_, e) => (e.targetType ? `${e.targetType}#${e.targetId ?? ''}` : '—'),
              },
              {
                title: t('audit.result'),
                dataIndex: 'result',
                render: (r: AuditEntry['result']) => (
                  <Tag color={RESULT_COLOR[r]}>{t(`audit.results.${r}`)}</Tag>
                ),
              },
              { title: t('audit.ip'), dataIndex: 'ip' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
