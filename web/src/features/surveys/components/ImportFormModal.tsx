import { Alert, Button, Form, List, Modal, Progress, Upload, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../ui/api.ts';
import { useErrorText, useReasonText } from '../../../ui/errors.ts';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useImportForm } from '../api.ts';

const LEVELS = ['county', 'township', 'community', 'grid'] as const;

/** Imports an XLSForm workbook; a form that cannot be used lists its faults by sheet, row and column. */
export function ImportFormModal({
  place,
  onClose,
  onImported,
}: {
  place?: { id: string; name: string };
  onClose(): void;
  onImported(formId: string): void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const reasonText = useReasonText();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ placeId: string }>();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState(0);
  const upload = useImportForm(setProgress);
  const failure = upload.error;
  const faults = failure instanceof ApiError ? failure.details : [];
  return (
    <Modal
      open
      title={t('surveys.importForm')}
      okText={t('surveys.import')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={upload.isPending}
      okButtonProps={{ 'data-testid': 'survey-import-save', disabled: !file } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ placeId: place?.id }}
        onFinish={(v) =>
          file && upload.mutate({ file, placeId: v.placeId }, { onSuccess: (f) => onImported(f.id) })
        }
      >
        <Form.Item
          name="placeId"
          label={t('surveys.fields.keptBy')}
          rules={[rules.required(t('surveys.fields.keptBy'))]}
        >
          <PlaceSelect levels={[...LEVELS]} initial={place} testId="survey-import-place" />
        </Form.Item>
        <Form.Item label={t('surveys.fields.workbook')} extra={t('surveys.workbookHint')} required>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => (setFile(f), false)}
            onRemove={() => setFile(undefined)}
            data-testid="survey-import-file"
          >
            <Button>{t('surveys.chooseWorkbook')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {upload.isPending && <Progress percent={progress} size="small" />}
      {failure && (
        <Alert
          type="error"
          message={errorText(failure)}
          data-testid="survey-import-errors"
          description={
            faults.length > 0 && (
              <List
                size="small"
                dataSource={faults}
                renderItem={(d) => (
                  <List.Item>
                    {d.params?.row !== undefined
                      ? t('surveys.fault', {
                          sheet: d.params.sheet,
                          row: d.params.row,
                          column: d.params.column,
                        })
                      : ''}
                    {reasonText(d)}
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
    </Modal>
  );
}
