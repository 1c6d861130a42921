import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Progress,
  Segmented,
  Select,
  Space,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { INCIDENT_SOURCES } from '@anju/contracts';
import { useTranslation } from 'react-i18next';
import { PlaceSelect } from '../../places/index.ts';
import { useErrorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useCategories, useReport, useSendPhotos, type NewReport } from '../api.ts';
import { FilesNotSent } from '../../../ui/upload.ts';
import { MyReportList } from '../components/MyReportList.tsx';
import { QuickReport, type QuickValues } from '../components/QuickReport.tsx';
import { WherePicker, whereRule, type Where } from '../components/WherePicker.tsx';
import { useSiteMap } from '../../grids/api.ts';
import { blobsOf, PhotoPicker, photoRule } from '../../../ui/PhotoPicker.tsx';

type Values = Omit<NewReport, 'placeId' | 'photos'> & { photos?: UploadFile[]; at?: string; where?: Where };

/** The report's place as the server takes it, from how the reporter said where. */
export const placeOf = (where: Where) => ({
  placeId: where.placeId!,
  locationKind: where.kind,
  ...(where.point ? { lat: where.point.lat, lng: where.point.lng } : {}),
});

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
  const [notSent, setNotSent] = useState<FilesNotSent | null>(null);
  const english = i18n.language.startsWith('en');
  const official = me.permissions.includes('incident:handle');
  const scope = me.scopes[0];
  const home = scope?.level === 'dwelling' ? { id: scope.id, name: scope.name } : undefined;
  const map = useSiteMap(official ? undefined : scope?.id);
  const [quick, setQuick] = useState(false);
  const initialWhere: Where | undefined = home && { kind: 'home', placeId: home.id, name: home.name };

  const send = (input: NewReport, reset: () => void) => {
    const sent = () => (setProgress(null), message.success(t('incidents.report.sent')), reset());
    report.mutate(
      { ...input, onProgress: setProgress },
      {
        onSuccess: sent,
        onError: (e) => {
          setProgress(null);
          if (!(e instanceof FilesNotSent)) return void message.error(errorText(e));
          // the report is in: sending it again would make a second one, so only its photos go again
          setNotSent(e);
          reset();
        },
      },
    );
  };

  const submit = ({ photos, at, where, ...v }: Values) => {
    // an official who names no place files the call under their own scope
    const place = at ? { placeId: at } : where ? placeOf(where) : scope && { placeId: scope.id };
    if (!place) return;
    send({ ...v, description: v.description ?? '', ...place, photos: blobsOf(photos) }, () =>
      form.resetFields(),
    );
  };
  const submitQuick = ({ where, photos, voice, description }: QuickValues, reset: () => void) =>
    send(
      {
        ...placeOf(where),
        description: description ?? '',
        photos: [...blobsOf(photos), ...(voice ? [voice] : [])],
      },
      reset,
    );

  const retry = (failed: FilesNotSent) =>
    resend.mutate(
      { ...failed, onProgress: setProgress },
      {
        onSuccess: () => (setProgress(null), setNotSent(null), message.success(t('incidents.report.sent'))),
        onError: (e) => (setProgress(null), setNotSent(e instanceof FilesNotSent ? e : failed)),
      },
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('incidents.report.title')} />
      {!official && (
        <Segmented
          block
          size="large"
          value={quick ? 'quick' : 'full'}
          onChange={(v) => setQuick(v === 'quick')}
          options={[
            { value: 'full', label: <span data-testid="report-mode-full">{t('incidents.quick.full')}</span> },
            {
              value: 'quick',
              label: <span data-testid="report-mode-quick">{t('incidents.quick.title')}</span>,
            },
          ]}
        />
      )}
      <Card>
        {quick ? (
          <QuickReport home={home} map={map.data} sending={report.isPending} onSend={submitQuick} />
        ) : (
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
            {!official && (
              <Form.Item
                name="where"
                label={t('incidents.where.label')}
                initialValue={initialWhere}
                rules={[whereRule(t('incidents.where.required'))]}
              >
                <WherePicker home={home} map={map.data} />
              </Form.Item>
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
              disabled={!scope}
              data-testid="report-submit"
            >
              {t('incidents.report.submit')}
            </Button>
          </Form>
        )}
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
      </Card>
      <Card title={t('incidents.report.mine')}>
        <MyReportList />
      </Card>
    </Space>
  );
}
