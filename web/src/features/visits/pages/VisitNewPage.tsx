import { Alert, App, Button, Card, DatePicker, Form, Input, Progress, Select, Space } from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { FilesNotSent } from '../../../ui/upload.ts';
import { useLogVisit, useSendVisitPhotos, useVisitKinds } from '../api.ts';
import { HouseholdPicker } from '../components/HouseholdPicker.tsx';
import { MAX_PHOTO_BYTES, PhotoPicker } from '../../../ui/PhotoPicker.tsx';

interface Values {
  householdId: string;
  visitedOn: Dayjs;
  kind: string;
  findings?: string;
  followUps?: string;
  photos?: File[];
}

/** Logs a visit on a phone: household of my grids, date, kind, findings, follow-ups and photos. */
export function VisitNewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const kinds = useVisitKinds();
  const log = useLogVisit();
  const resend = useSendVisitPhotos();
  const [progress, setProgress] = useState<number | null>(null);
  const [notSent, setNotSent] = useState<FilesNotSent | null>(null);
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const english = i18n.language.startsWith('en');
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(field) }),
  });

  const saved = (visitId: string) => {
    setProgress(null);
    message.success(t('visits.form.saved'));
    navigate(`/visits/${visitId}`);
  };
  const submit = (v: Values) =>
    log.mutate(
      {
        visit: {
          householdId: v.householdId,
          visitedOn: v.visitedOn.format('YYYY-MM-DD'),
          kind: v.kind,
          findings: v.findings ?? '',
          followUps: v.followUps ?? '',
        },
        photos: v.photos ?? [],
        onProgress: setProgress,
      },
      {
        onSuccess: (visit) => saved(visit.id),
        onError: (e) => {
          setProgress(null);
          // the visit is logged: only its photos go again
          if (e instanceof FilesNotSent) return setNotSent(e);
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  const retry = (failed: FilesNotSent) =>
    resend.mutate(
      { ...failed, onProgress: setProgress },
      {
        onSuccess: () => saved(failed.recordId),
        onError: (e) => (setProgress(null), setNotSent(e instanceof FilesNotSent ? e : failed)),
      },
    );

  return (
    <>
      <PageHeader title={t('visits.form.title')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            householdId: params.get('householdId') ?? undefined,
            visitedOn: dayjs(),
            kind: 'routine',
            photos: [],
          }}
        >
          <Form.Item
            name="householdId"
            label={t('visits.form.household')}
            rules={[required('visits.form.household')]}
          >
            <HouseholdPicker />
          </Form.Item>
          <Form.Item
            name="visitedOn"
            label={t('visits.form.visitedOn')}
            rules={[
              required('visits.form.visitedOn'),
              {
                validator: (_, d?: Dayjs) =>
                  d && d.isAfter(dayjs(), 'day')
                    ? Promise.reject(new Error(t('visits.form.future')))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="visit-date"
            />
          </Form.Item>
          <Form.Item name="kind" label={t('visits.form.kind')} rules={[required('visits.form.kind')]}>
            <Select
              loading={kinds.isLoading}
              options={(kinds.data ?? []).map((k) => ({
                value: k.code,
                label: english ? k.labelEn : k.labelZh,
              }))}
              data-testid="visit-kind"
            />
          </Form.Item>
          <Form.Item name="findings" label={t('visits.form.findings')}>
            <Input.TextArea
              rows={4}
              maxLength={4000}
              placeholder={t('visits.form.findingsHint')}
              data-testid="visit-findings"
            />
          </Form.Item>
          <Form.Item name="followUps" label={t('visits.form.followUps')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="visit-follow-ups" />
          </Form.Item>
          <Form.Item
            name="photos"
            label={t('visits.form.photos')}
            rules={[
              {
                validator: (_, files?: File[]) =>
                  files?.some((f) => f.size > MAX_PHOTO_BYTES)
                    ? Promise.reject(new Error(t('visits.form.tooLarge')))
                    : Promise.resolve(),
              },
            ]}
          >
            <PhotoPicker
              look="camera"
              addLabel={t('visits.form.takePhoto')}
              removeLabel={t('visits.form.removePhoto')}
              testId="visit-photo"
            />
          </Form.Item>
          {progress !== null && <Progress percent={progress} size="small" data-testid="visit-progress" />}
          {notSent ? (
            <Alert
              type="warning"
              showIcon
              message={t('visits.form.photosNotSent', { count: notSent.left.length })}
              data-testid="visit-photos-failed"
              action={
                <Space direction="vertical">
                  <Button
                    size="small"
                    type="primary"
                    loading={resend.isPending}
                    onClick={() => retry(notSent)}
                    data-testid="visit-photos-retry"
                  >
                    {t('visits.form.retryPhotos')}
                  </Button>
                  <Button size="small" onClick={() => navigate(`/visits/${notSent.recordId}`)}>
                    {t('visits.form.openVisit')}
                  </Button>
                </Space>
              }
            />
          ) : (
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={log.isPending}
              data-testid="visit-submit"
            >
              {t('visits.form.submit')}
            </Button>
          )}
        </Form>
      </Card>
    </>
  );
}
