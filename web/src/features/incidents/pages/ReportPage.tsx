import { App, Button, Card, Form, Input, Select, Space, type UploadFile } from 'antd';
import { INCIDENT_SOURCES } from '@anju/contracts';
import { useTranslation } from 'react-i18next';
import { PlaceSelect } from '../../places/index.ts';
import { useErrorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useCategories, useReport, type NewReport } from '../api.ts';
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
  const english = i18n.language.startsWith('en');
  const official = me.permissions.includes('incident:handle');
  const home = me.scopes[0]?.id;

  const submit = ({ photos, at, ...v }: Values) => {
    const placeId = at ?? home;
    if (!placeId) return;
    report.mutate(
      { ...v, description: v.description ?? '', placeId, photos: blobsOf(photos) },
      {
        onSuccess: () => (message.success(t('incidents.report.sent')), form.resetFields()),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };

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
