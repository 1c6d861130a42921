import type { CaseDetail } from '@anju/contracts';
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../ui/api.ts';

/** The result announcements (结果公告) published at the county's approvals, each printable from its archive. */
function Announcements({ detail: c }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  if (c.announcements.length === 0) return null;
  return (
    <div data-testid="case-announcements" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('cases.announcement.title')}</Typography.Text>
      {c.announcements.map((a) => (
        <div key={`${a.kind}-${a.on}`}>
          {t(`cases.announcement.${a.kind}`, { on: a.on })}{' '}
          <Button
            size="small"
            type="link"
            icon={<PrinterOutlined />}
            href={apiUrl(`/monitoring/cases/${c.id}/announcement`, { kind: a.kind, lang: i18n.language })}
            target="_blank"
            rel="noopener"
            data-testid={`case-announcement-${a.kind}`}
          >
            {t('cases.announcement.print')}
          </Button>
        </div>
      ))}
    </div>
  );
}

/** The public notice: its period, whether it still runs, and the printable notice for the board; then the announcements. */
export function NoticeRecord({ detail: c }: { detail: CaseDetail }) {
  return (
    <>
      <CurrentNotice detail={c} />
      <Announcements detail={c} />
    </>
  );
}

function CurrentNotice({ detail: c }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  if (!c.noticeFrom) return <PastNotices detail={c} />;
  const running = !!c.noticeUntil && dayjs().isBefore(dayjs(c.noticeUntil).endOf('day'));
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        data-testid="case-notice"
        items={[
          {
            key: 'period',
            label: t('cases.notice.period'),
            children: t('cases.notice.fromUntil', {
              from: c.noticeFrom,
              until: c.noticeUntil ?? '—',
              count: c.policy.noticeDays,
            }),
          },
          {
            key: 'state',
            label: t('cases.notice.state'),
            children: running ? (
              <Tag color="processing">{t('cases.notice.running')}</Tag>
            ) : (
              <Tag color="success">{t('cases.notice.ended')}</Tag>
            ),
          },
        ]}
      />
      <Button
        icon={<PrinterOutlined />}
        href={apiUrl(`/monitoring/cases/${c.id}/notice`, { lang: i18n.language })}
        target="_blank"
        rel="noopener"
        data-testid="case-notice-print"
      >
        {t('cases.notice.print')}
      </Button>
    </>
  );
}

/** Notices of steps the case has left: the day each went up, from the history. */
function PastNotices({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const past = c.events.filter((e) => e.action === 'publish_notice' && typeof e.data.noticeFrom === 'string');
  if (past.length === 0) return <>{t('cases.notice.none')}</>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="case-past-notices">
      {past.map((e) => (
        <li key={e.id}>
          {t('cases.notice.past', { from: e.data.noticeFrom as string, step: t(`cases.step.${e.toStep}`) })}
        </li>
      ))}
    </ul>
  );
}
