import { Button, Card, Descriptions, InputNumber, List, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import {
  useActivity,
  useApprove,
  useCheckInCode,
  useConfirm,
  type ActivityDetail,
  type RosterEntry,
} from '../api.ts';
import { CorrectModal } from '../components/CorrectModal.tsx';

/** The code to show at the activity: a QR of the check-in link, renewed every minute. */
function CodeCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const code = useCheckInCode(id, shown);
  const link = code.data && `${window.location.origin}${code.data.path}`;
  return (
    <Card size="small" title={t('volunteers.code.title')} style={{ marginBottom: 12 }}>
      {!shown ? (
        <Button type="primary" onClick={() => setShown(true)} data-testid="code-show">
          {t('volunteers.code.show')}
        </Button>
      ) : (
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          <QRCode value={link ?? '-'} status={link ? 'active' : 'loading'} size={240} />
          <Typography.Text type="secondary">
            {t('volunteers.code.hint', { at: code.data ? formatDateTime(code.data.expiresAt) : '—' })}
          </Typography.Text>
          {link && (
            <Typography.Link href={link} data-testid="code-link" copyable={{ text: link }}>
              {t('volunteers.code.link')}
            </Typography.Link>
          )}
          <ErrorAlert error={code.error} gap={0} />
        </Space>
      )}
    </Card>
  );
}

function Entry({ e, activity }: { e: RosterEntry; activity: ActivityDetail }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const approve = useApprove();
  const lasts = Math.round((Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 360_000) / 10;
  const [hours, setHours] = useState<number>(lasts);
  const [correcting, setCorrecting] = useState(false);
  const via = (v: string | null) => (v ? t(`volunteers.via.${v}`) : '');
  return (
    <List.Item data-testid="roster-entry">
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{e.name}</Typography.Text>{' '}
        <Typography.Text type="secondary">{e.phoneMasked}</Typography.Text>
        <div>
          <Space wrap size={4}>
            <Tag color={e.checkedInAt ? 'green' : undefined}>
              {t('volunteers.checkedIn')}:{' '}
              {e.checkedInAt ? `${formatDateTime(e.checkedInAt)} ${via(e.checkedInVia)}` : '—'}
            </Tag>
            <Tag color={e.checkedOutAt ? 'green' : undefined}>
              {t('volunteers.checkedOut')}:{' '}
              {e.checkedOutAt ? `${formatDateTime(e.checkedOutAt)} ${via(e.checkedOutVia)}` : '—'}
            </Tag>
            {e.hours !== null && (
              <Tag color="blue" data-testid="roster-hours">
                {t('volunteers.state.approved', { hours: e.hours })}
              </Tag>
            )}
          </Space>
        </div>
        <Space wrap style={{ marginTop: 6 }}>
          {!e.checkedInAt && (
            <Button
              size="small"
              loading={confirm.isPending}
              onClick={() => confirm.mutate({ signupId: e.id, action: 'in' })}
            >
              {t('volunteers.confirmIn')}
            </Button>
          )}
          {e.checkedInAt && !e.checkedOutAt && (
            <Button
              size="small"
              loading={confirm.isPending}
              onClick={() => confirm.mutate({ signupId: e.id, action: 'out' })}
            >
              {t('volunteers.confirmOut')}
            </Button>
          )}
          {e.checkedOutAt && e.recordId === null && (
            <>
              <InputNumber
                size="small"
                min={0}
                max={lasts}
                step={0.5}
                value={hours}
                onChange={(v) => setHours(v ?? 0)}
                data-testid="approve-hours"
              />
              <Button
                size="small"
                type="primary"
                loading={approve.isPending}
                onClick={() => approve.mutate({ signupId: e.id, hours })}
                data-testid="approve"
              >
                {t('volunteers.approve')}
              </Button>
            </>
          )}
          {e.recordId !== null && (
            <Button size="small" onClick={() => setCorrecting(true)}>
              {t('volunteers.correct')}
            </Button>
          )}
        </Space>
        <ErrorAlert error={confirm.error ?? approve.error} gap={0} />
        {correcting && e.recordId && (
          <CorrectModal recordId={e.recordId} hours={e.hours ?? 0} onClose={() => setCorrecting(false)} />
        )}
      </div>
    </List.Item>
  );
}

/** An activity for its organizer: the code to show, the roster, check-ins to confirm and hours to approve. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const a = activity.data;
  if (activity.error) return <ErrorView error={activity.error} />;
  if (!a) return null;
  return (
    <>
      <PageHeader title={a.title} />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('volunteers.fields.place')}>{a.placeName}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.address')}>{a.address}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.times')}>
          {formatDateTime(a.startsAt)} – {formatDateTime(a.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.slots')}>
          {t('volunteers.slots', { signedUp: a.signedUp, slots: a.slots })}
        </Descriptions.Item>
      </Descriptions>
      {a.mayOrganize && <CodeCard id={a.id} />}
      {a.mayOrganize && (
        <Card size="small" title={t('volunteers.roster')}>
          <List
            dataSource={a.roster}
            locale={{ emptyText: t('volunteers.noSignups') }}
            renderItem={(e) => <Entry key={e.id} e={e} activity={a} />}
          />
        </Card>
      )}
    </>
  );
}
