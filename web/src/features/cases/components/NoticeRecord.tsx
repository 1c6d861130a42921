import type { CaseDetail } from '@anju/contracts';
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../ui/api.ts';

/** The public notice: its period, whether it still runs, and the printable notice for the board. */
export function NoticeRecord({ detail: c }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  if (!c.noticeFrom) return null;
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
            children: t('cases.notice.fromUntil', { from: c.noticeFrom, until: c.noticeUntil ?? '—' }),
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
