import { DEPARTMENT_KINDS } from '@anju/contracts';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FileImport, useImportLabels } from '../../../ui/FileImport.tsx';
import { sendImport, templateUrl, type ImportKind, type ImportResult } from '../api.ts';
import { DoneView } from './DoneView.tsx';

const COUNTS: Record<ImportKind, string[]> = {
  departmentData: ['rows', 'valid', 'invalid', 'households'],
  incomes: ['rows', 'valid', 'invalid', 'households', 'created', 'updated'],
};

/** One import: template, the department's name (for its data), upload with a dry run, report, commit. */
export function ImportPanel({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const labels = useImportLabels('monitoringImports.reasons');
  const [form] = Form.useForm<{ department: string; kind: string }>();

  const send = async (file: File, commit: boolean, skipBad: boolean, onProgress: (p: number) => void) => {
    let fields: Record<string, string> = {};
    if (kind === 'departmentData') {
      try {
        fields = await form.validateFields();
      } catch {
        return null; // the form shows what is missing
      }
    }
    return sendImport(
      kind,
      file,
      { ...fields, dryRun: String(!commit), skipBad: String(skipBad) },
      onProgress,
    );
  };

  return (
    <FileImport<ImportResult>
      templateHref={templateUrl(kind)}
      labels={labels}
      send={send}
      skipBad
      counts={(r) =>
        COUNTS[kind].map((k) => ({
          key: k,
          label: t(`monitoringImports.counts.${k}`),
          value: (r as unknown as Record<string, number>)[k],
        }))
      }
      header={(locked) => (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(`monitoringImports.intro.${kind}`)}
          </Typography.Paragraph>
          {kind === 'departmentData' && (
            <Form form={form} layout="vertical" disabled={locked} style={{ maxWidth: 480 }}>
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
                  options={DEPARTMENT_KINDS.map((k) => ({
                    value: k,
                    label: t(`monitoringImports.kinds.${k}`),
                  }))}
                />
              </Form.Item>
            </Form>
          )}
        </>
      )}
      done={(result, restart) => <DoneView kind={kind} result={result} onRestart={restart} />}
    />
  );
}
