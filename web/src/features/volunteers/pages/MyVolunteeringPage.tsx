import { Alert, Button, Card, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { isCode } from '../../../ui/errors.ts';
import { formatDateTime, formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import {
  certificateUrl,
  useIssueCertificate,
  useMyActivities,
  useMyHours,
  useMyRegistration,
  useSignUp,
  type Activity,
} from '../api.ts';
import { RegisterForm } from '../components/RegisterForm.tsx';

function MyActivity({ a }: { a: Activity }) {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const ended = Date.parse(a.endsAt) < Date.now();
  const full = a.signedUp >= a.slots;
  const m = a.mine;
  const state = !m
    ? null
    : m.hours !== null
      ? t('volunteers.state.approved', { hours: m.hours })
      : m.checkedOutAt
        ? t('volunteers.state.checkedOut')
        : m.checkedInAt
          ? t('volunteers.state.checkedIn')
          : t('volunteers.state.signedUp');
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="my-activity">
      <Typography.Text strong>{a.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {formatDateTime(a.startsAt)} – {formatDateTime(a.endsAt)} · {a.address}
        </Typography.Text>
      </div>
      <Space wrap size={4} style={{ marginTop: 6 }}>
        <Tag color={full ? 'red' : 'blue'}>
          {t('volunteers.slots', { signedUp: a.signedUp, slots: a.slots })}
        </Tag>
        {a.skills.map((s) => (
          <Tag key={s}>{t(`volunteers.skills.${s}`)}</Tag>
        ))}
        {state && <Tag color="green">{state}</Tag>}
      </Space>
      {!m && !ended && (
        <div style={{ marginTop: 8 }}>
          <Button
            type="primary"
            block
            disabled={full}
            loading={signUp.isPending}
            onClick={() => signUp.mutate(a.id)}
            data-testid="sign-up"
          >
            {full ? t('volunteers.full') : t('volunteers.signUp')}
          </Button>
          <ErrorAlert error={signUp.error} gap={0} />
        </div>
      )}
      {m && !m.checkedOutAt && !ended && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {t('volunteers.scanHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function MyHours() {
  const { t } = useTranslation();
  const hours = useMyHours(true);
  const issue = useIssueCertificate();
  const h = hours.data;
  return (
    <Card title={t('volunteers.myHours')} size="small" style={{ marginBottom: 12 }}>
      {hours.error && <ErrorAlert error={hours.error} />}
      <Space size="large">
        <Statistic title={t('volunteers.totalHours')} value={h?.hours ?? 0} data-testid="my-total-hours" />
        <Statistic title={t('volunteers.activitiesServed')} value={h?.activities ?? 0} />
      </Space>
      <List
        size="small"
        dataSource={h?.records ?? []}
        locale={{ emptyText: t('volunteers.noHours') }}
        renderItem={(r) => (
          <List.Item>
            {r.title} · {formatDay(r.startsAt)} · {t('volunteers.hoursShown', { hours: r.hours })}
            {r.reason && (
              <Typography.Text type="secondary">
                {' '}
                （{t('volunteers.corrected', { reason: r.reason })}）
              </Typography.Text>
            )}
          </List.Item>
        )}
      />
      <Button
        block
        type="primary"
        disabled={!h || h.hours <= 0}
        loading={issue.isPending}
        onClick={() => issue.mutate()}
        data-testid="certificate-issue"
      >
        {t('volunteers.issueCertificate')}
      </Button>
      <ErrorAlert error={issue.error} gap={0} />
      <List
        size="small"
        dataSource={h?.certificates ?? []}
        renderItem={(c) => (
          <List.Item
            actions={[
              <a key="pdf" href={certificateUrl(c.serial)} download data-testid="certificate-download">
                {t('volunteers.download')}
              </a>,
              <Link key="verify" to={`/verify/${c.serial}`}>
                {t('volunteers.verify.open')}
              </Link>,
            ]}
          >
            <span data-testid="certificate-serial">{c.serial}</span> ·{' '}
            {t('volunteers.hoursShown', { hours: c.hours })}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** A volunteer's phone page: registering, the activities open to them, their hours and certificates. */
export function MyVolunteeringPage() {
  const { t } = useTranslation();
  const me = useMyRegistration();
  const registered = !!me.data;
  const activities = useMyActivities(registered);
  if (me.isLoading) return null;
  return (
    <>
      <PageHeader title={t('volunteers.mine')} />
      {isCode(me.error, 'not_found') ? (
        <RegisterForm />
      ) : me.error ? (
        <ErrorAlert error={me.error} />
      ) : (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={t('volunteers.registeredAs', { name: me.data!.name, id: me.data!.idMasked })}
          />
          <MyHours />
          <Typography.Title level={5}>{t('volunteers.openActivities')}</Typography.Title>
          {activities.error && <ErrorAlert error={activities.error} />}
          {activities.data?.items.length === 0 && <Empty description={t('volunteers.noActivities')} />}
          {activities.data?.items.map((a) => (
            <MyActivity key={a.id} a={a} />
          ))}
        </>
      )}
    </>
  );
}
