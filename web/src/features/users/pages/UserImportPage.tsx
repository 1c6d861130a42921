import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { USER_IMPORT_COLUMNS, type UserImportResult } from '@anju/contracts';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useReasonText } from '../../../ui/errors.ts';
import { useImportAccounts } from '../api.ts';

type Created = UserImportResult['created'][number];

/** The accounts created and their one-time passwords as a CSV that Excel opens (UTF-8 with its mark). */
function passwordsFile(created: Created[], headers: string[]) {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [headers, ...created.map((c) => [c.username, c.displayName, c.password])];
  return new Blob(['\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n')], {
    type: 'text/csv;charset=utf-8',
  });
}

/** 批量导入账号: a workbook of accounts checked first, then created at once, with their one-time passwords to hand out. */
export function UserImportPage() {
  const { t } = useTranslation();
  const reason = useReasonText();
  const send = useImportAccounts();
  const [file, setFile] = useState<File>();
  const result = send.data;
  const check = (f: File) => {
    setFile(f);
    send.mutate({ file: f, commit: false });
    return false;
  };
  const download = () => {
    const url = URL.createObjectURL(
      passwordsFile(result!.created, [
        t('users.username'),
        t('users.displayName'),
        t('users.import.password'),
      ]),
    );
    const a = Object.assign(document.createElement('a'), { href: url, download: 'accounts-passwords.csv' });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('users.import.title')} />
      <Card size="small">
        <Typography.Paragraph>{t('users.import.intro')}</Typography.Paragraph>
        <Typography.Paragraph>
          {Object.entries(USER_IMPORT_COLUMNS).map(([key, header]) => (
            <div key={key}>
              <Typography.Text strong>{header}</Typography.Text>：{t(`users.import.columns.${key}`)}
            </div>
          ))}
        </Typography.Paragraph>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={check} maxCount={1}>
          <Button icon={<UploadOutlined />} loading={send.isPending} data-testid="user-import-file">
            {file ? t('users.import.another') : t('users.import.choose')}
          </Button>
        </Upload>
        {file && <Typography.Text style={{ marginInlineStart: 8 }}>{file.name}</Typography.Text>}
      </Card>
      {send.error ? <ErrorAlert error={send.error} /> : null}
      {result && !result.committed && (
        <Card size="small" data-testid="user-import-check">
          {result.problems.length ? (
            <>
              <Alert
                type="error"
                showIcon
                message={t('users.import.problems', { count: result.problems.length, rows: result.rows })}
              />
              <Table
                data-testid="user-import-problems"
                size="small"
                rowKey={(p) => `${p.row}-${p.column}-${p.reason}-${JSON.stringify(p.params)}`}
                dataSource={result.problems}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('users.import.row'), dataIndex: 'row' },
                  {
                    title: t('users.import.column'),
                    dataIndex: 'column',
                    render: (c: keyof typeof USER_IMPORT_COLUMNS | 'file') =>
                      c === 'file' ? '—' : USER_IMPORT_COLUMNS[c],
                  },
                  { title: t('users.import.reason'), key: 'reason', render: (_, p) => reason(p) },
                ]}
              />
            </>
          ) : (
            <Space direction="vertical">
              <Alert type="success" showIcon message={t('users.import.clean', { count: result.rows })} />
              <Button
                type="primary"
                loading={send.isPending}
                onClick={() => send.mutate({ file: file!, commit: true })}
                data-testid="user-import-commit"
              >
                {t('users.import.commit', { count: result.rows })}
              </Button>
            </Space>
          )}
        </Card>
      )}
      {result?.committed && (
        <Card size="small" data-testid="user-import-done">
          <Alert
            type="warning"
            showIcon
            message={t('users.import.done', { count: result.created.length })}
            description={t('users.import.passwordsOnce')}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={download}
            style={{ marginTop: 12 }}
            data-testid="user-import-passwords"
          >
            {t('users.import.download')}
          </Button>
        </Card>
      )}
    </Space>
  );
}
