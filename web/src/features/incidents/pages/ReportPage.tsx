import { Alert, App, Button, Card, Form, Input, Progress, Select, Space, type UploadFile } from 'antd';
import { useState } from 'react';
import { INCIDENT_SOURCES } from '@anju/contracts';
import { useTranslation } from 'react-i18next';
import { PlaceSelect } from '../../places/index.ts';
import { useErrorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { PhotosNotSent, useCategories, useReport, useSendPhotos, type NewReport } from '../api.ts';
import { MyReportList } from '../components/MyReportList.tsx';
import { blobsOf, PhotoPicker, photoRule } from '../../../ui/PhotoPicker.tsx';

type Values = Omit<NewReport, 'placeId' | 'photos'> & { photos?: UploadFile[]; at?: string };

/** Where officials' reports come from when they take them for someone else. */
const INTAKE_SOURCES = INCIDENT_SOURCES.filter((s) => s !== 'resident');

/**
 * 「我要反映」: a resident reports a problem and follows their own reports; an official taking a call
 * (12345 hotline, a department) also says where it came from, who called and where it happened.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useSignedIn();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const report = useReport();
  const resend = useSendPhotos();
  const [progress, setProgress] = useState<number | null>(null);
  const [notSent, setNotSent] = useState<PhotosNotSent | null>(null);
  const english = i18n.language.startsWith('en');
  const official = me.permissions.includes('incident:handle');
  const home = me.scopes[0]?.id;

  const submit = ({ photos, at, ...v }: Values) => {
    const placeId = at ?? home;
    if (!placeId) return;
    const sent = () => (setProgress(null), message.success(t('incidents.report.sent')), form.resetFields());
    report.mutate(
      { ...v, description: v.description ?? '', placeId, photos: blobsOf(photos), onProgress: setProgress },
      {
        onSuccess: sent,
        onError: (e) => {
          setProgress(null);
          if (!(e instanceof PhotosNotSent)) return void message.error(errorText(e));
          // the report is in: sending it again would make a second one, so only its photos go again
          setNotSent(e);
          form.resetFields();
        },
      },
    );
  };

  const retry = (failed: PhotosNotSent) =>
    resend.mutate(
      { ...failed, onProgress: setProgress },
      {
        onSuccess: () => (setProgress(null), setNotSent(null), message.success(t('incidents.report.sent'))),
        onError: (e) => (setProgress(null), setNotSent(e instanceof PhotosNotSent ? e : failed)),
      },
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('incidents.report.title')} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ source: official ? 'hotline_12345' : undefined }}
        >
          {official && (
            <Space wrap align="start">
              <Form.Item name="source" label={t('incidents.intake.source')}>
                <Select
                  style={{ width: 160 }}
                  data-testid="report-source"
                  options={INTAKE_SOURCES.map((s) => ({ value: s, label: t(`incidents.source.${s}`) }))}
                />
              </Form.Item>
              <Form.Item name="reporterName" label={t('incidents.intake.caller')}>
                <Input maxLength={32} style={{ width: 160 }} data-testid="report-caller" />
              </Form.Item>
              <Form.Item name="at" label={t('incidents.intake.place')}>
                <PlaceSelect levels={['grid', 'building', 'dwelling']} testId="report-place" />
              </Form.Item>
            </Space>
          )}
          <Form.Item
            name="categoryCode"
            label={t('incidents.report.category')}
            rules={[
              { required: true, message: t('common.required', { field: t('incidents.report.category') }) },
            ]}
          >
            <Select
              data-testid="report-category"
              loading={categories.isLoading}
              options={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: english ? c.nameEn : c.nameZh,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('incidents.report.subject')}
            rules={[
              { required: true, message: t('common.required', { field: t('incidents.report.subject') }) },
              { min: 2, message: t('incidents.report.subjectShort') },
            ]}
          >
            <Input maxLength={100} data-testid="report-title" />
          </Form.Item>
          <Form.Item name="description" label={t('incidents.report.description')}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="report-description" />
          </Form.Item>
          <Form.Item
            name="photos"
            label={t('incidents.photos.label')}
            rules={[photoRule((p) => t(`incidents.photos.${p}`))]}
          >
            <PhotoPicker look="cards" addLabel={t('incidents.photos.add')} testId="report-photos" />
          </Form.Item>
          {progress !== null && <Progress percent={progress} size="small" data-testid="report-progress" />}
          {notSent && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('incidents.photos.notSent', { count: notSent.left.length })}
              data-testid="report-photos-failed"
              action={
                <Button
                  size="small"
                  loading={resend.isPending}
                  onClick={() => retry(notSent)}
                  data-testid="report-photos-retry"
                >
                  {t('incidents.photos.retry')}
                </Button>
              }
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={report.isPending}
            disabled={!home}
            data-testid="report-submit"
          >
            {t('incidents.report.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('incidents.report.mine')}>
        <MyReportList />
      </Card>
    </Space>
  );
}
