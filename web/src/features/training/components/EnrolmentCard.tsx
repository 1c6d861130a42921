import { App, Button, Card, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCode, useErrorText } from '../../../ui/errors.ts';
import { useSaveAttendance, type CourseDetail, type Enrolment } from '../api.ts';
import { CompleteModal } from './CompleteModal.tsx';

/** The outcome of a completion: employed within 6 months after, derived from the records. */
function Outcome({ e }: { e: Enrolment }) {
  const { t } = useTranslation();
  if (e.employedAfter === null) return null;
  return e.employedAfter ? (
    <Tag color="green">{t('training.employedAfter')}</Tag>
  ) : (
    <Tag>{t('training.notEmployedAfter')}</Tag>
  );
}

/** One person enrolled: hours attended entered with large controls for a phone, completion and certificate. */
export function EnrolmentCard({ e, course }: { e: Enrolment; course: CourseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useSaveAttendance();
  const [hours, setHours] = useState<number | null>(e.hoursAttended);
  const [completing, setCompleting] = useState(false);
  const needed = (course.hours * course.completionPct) / 100;
  const done = e.completedOn !== null;
  const keep = course.mayKeep && !done;

  const saveHours = () =>
    save.mutate(
      { id: e.id, body: { hoursAttended: hours ?? 0, version: e.version } },
      {
        onSuccess: () => message.success(t('training.attendanceSaved')),
        onError: (err) =>
          isCode(err, 'conflict') ? message.warning(t('training.stale')) : message.error(errorText(err)),
      },
    );

  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="enrolment">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{e.name}</Typography.Text>
        {done ? (
          <Space wrap size={4}>
            <Tag color="blue" data-testid="enrolment-completed">
              {t('training.completedOn', { day: e.completedOn })}
            </Tag>
            <Outcome e={e} />
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {t('training.needed', { needed, pct: course.completionPct })}
          </Typography.Text>
        )}
      </Space>
      {done ? (
        <div>
          <Typography.Text type="secondary">
            {t(`training.certificates.${e.certificateKind}`)} · {e.certificateNo} · {e.certificateOn} ·{' '}
            {t('training.attended', { hours: e.hoursAttended, of: course.hours })}
          </Typography.Text>
        </div>
      ) : (
        <Space wrap style={{ marginTop: 8 }}>
          <InputNumber
            size="large"
            min={0}
            max={course.hours}
            step={0.5}
            value={hours}
            disabled={!keep}
            onChange={setHours}
            addonAfter={t('training.ofHours', { hours: course.hours })}
            inputMode="decimal"
            style={{ width: 200 }}
            data-testid="attendance-hours"
          />
          {keep && (
            <Button size="large" loading={save.isPending} onClick={saveHours} data-testid="attendance-save">
              {t('training.saveAttendance')}
            </Button>
          )}
          {keep && (
            <Button
              size="large"
              type="primary"
              disabled={e.hoursAttended < needed}
              onClick={() => setCompleting(true)}
              data-testid="enrolment-complete"
            >
              {t('training.complete')}
            </Button>
          )}
        </Space>
      )}
      {completing && <CompleteModal enrolment={e} onClose={() => setCompleting(false)} />}
    </Card>
  );
}
