import type { CaseEvent } from '@anju/contracts';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';

/** Every move of the case, newest first: what was done, by whom, when, from which step to which, and why. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const step = (s: string | null) => (s ? t(`cases.step.${s}`) : '');
  return (
    <Timeline
      data-testid="case-timeline"
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: e.action === 'reject' || e.action === 'send_back' ? 'red' : undefined,
        content: (
          <div data-testid="case-event" data-action={e.action}>
            <Typography.Text strong>
              {t(`cases.event.${e.action}`, { defaultValue: e.action })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Typography.Text>
            <div style={{ fontSize: 13 }}>
              {e.fromStep && e.fromStep !== e.toStep
                ? t('cases.event.move', { from: step(e.fromStep), to: step(e.toStep) })
                : step(e.toStep)}
              {typeof e.data.noticeFrom === 'string' &&
                ` · ${t('cases.event.noticeFrom', { date: e.data.noticeFrom })}`}
            </div>
            {e.reason && (
              <Typography.Paragraph style={{ margin: 0 }} data-testid="case-event-reason">
                {t('cases.event.reason', { reason: e.reason })}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
