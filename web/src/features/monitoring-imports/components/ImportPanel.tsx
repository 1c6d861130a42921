import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { DEPARTMENT_KINDS } from '@anju/contracts';
import { Alert, Button, Form, Input, Progress, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../ui/api.ts';
import { useErrorText } from '../../../ui/errors.ts';
import { sendImport, templateUrl, type ImportKind, type ImportResult } from '../api.ts';
import { DoneView } from './DoneView.tsx';
import { ReportView, useImportLabels } from './ReportView.tsx';

interface Sending {
  commit: boolean;
  percent: number;
}

/** One import: template, the department's name (for its data), upload with a dry run, report, commit. */
export function ImportPanel({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const labels = useImportLabels();
  const [form] = Form.useForm<{ department: string; kind: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const send = async (f: File, commit: boolean, skipBad = false) => {
    let fields: Record<string, string> = {};
    if (kind === 'departmentData') {
      try {
        fields = await form.validateFields();
      } catch {
        return; // the form shows what is missing
      }
    }
    setError(null);
    setSending({ commit, percent: 0 });
    try {
      const sent = await sendImport(
        kind,
        f,
        { ...fields, dryRun: String(!commit), skipBad: String(skipBad) },
        (percent) => setSending({ commit, percent }),
      );
      setFile(f);
      setResult(sent);
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
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(`monitoringImports.intro.${kind}`)}
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={templateUrl(kind)}
          download
          data-testid={`imports-template-${kind}`}
        >
          {t('monitoringImports.template')}
        </Button>
      </Space>
      {kind === 'departmentData' && (
        <Form form={form} layout="vertical" disabled={!!result || !!sending} style={{ maxWidth: 480 }}>
          <Form.Item
            name="department"
            label={t('monitoringImports.department')}
            rules={[{ required: true, whitespace: true, max: 64 }]}
          >
            <Input placeholder={t('monitoringImports.departmentHint')} data-testid="imports-department" />
          </Form.Item>
          <Form.Item name="kind" label={t('monitoringImports.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="imports-kind"
              options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`monitoringImports.kinds.${k}`) }))}
            />
          </Form.Item>
        </Form>
      )}
      {!result && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={!!sending}
          beforeUpload={(f) => (void send(f, false), false)}
          data-testid={`imports-upload-${kind}`}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('monitoringImports.drop')}</p>
          <p className="ant-upload-hint">{t('monitoringImports.formats')}</p>
        </Upload.Dragger>
      )}
      {sending && (
        <div data-testid="imports-progress">
          <Typography.Text>
            {t(
              sending.percent < 100
                ? 'monitoringImports.uploading'
                : sending.commit
                  ? 'monitoringImports.committing'
                  : 'monitoringImports.checking',
            )}
          </Typography.Text>
          <Progress percent={sending.percent} status={sending.percent < 100 ? 'normal' : 'active'} />
        </div>
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          data-testid="imports-error"
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
        <ReportView
          kind={kind}
          result={result}
          committing={!!sending}
          onCommit={(skipBad) => void send(file, true, skipBad)}
          onRestart={restart}
        />
      )}
      {result?.committed && <DoneView kind={kind} result={result} onRestart={restart} />}
    </Space>
  );
}
