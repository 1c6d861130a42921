import { Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import type { HistoryEntry } from '../api.ts';
import { useCodes, type CodeList } from '../codes.ts';

/** Fields whose values are codes with labels, so before → after reads as words. */
const CODED: Record<string, CodeList> = {
  relation: 'relation',
  education: 'education',
  health: 'health',
  labourCapacity: 'labour',
  status: 'personStatus',
  resettlementType: 'resettlement',
  povertyStatus: 'poverty',
};

interface Props {
  entries: HistoryEntry[] | undefined;
  loading: boolean;
  error: unknown;
}

/** The versioned changes of a person or household: event, who, when, and each field before → after. */
export function HistoryTimeline({ entries, loading, error }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  if (error) return <ErrorView error={error} />;
  if (loading) return <Spin />;
  if (!entries?.length) return <Empty description={t('registry.history.empty')} />;

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (Array.isArray(v)) return v.map((x) => show(field, x)).join('、') || '—';
    if (typeof v === 'boolean') return t(v ? 'registry.yes' : 'registry.no');
    if (field === 'ethnicity') return codes.ethnicity(String(v));
    if (field === 'tags') return codes.tag(String(v));
    if (CODED[field]) return codes.label(CODED[field], String(v));
    return String(v);
  };
  const change = (field: string, value: unknown) => {
    const label = t(`registry.fields.${field}`, { defaultValue: field });
    if (Array.isArray(value) && value.length === 2)
      return `${label}: ${show(field, value[0])} → ${show(field, value[1])}`;
    return `${label}: ${show(field, value)}`;
  };

  return (
    <Timeline
      data-testid="history"
      items={entries.map((e) => ({
        key: e.id,
        content: (
          <div data-testid="history-entry">
            <Typography.Text strong>{t(`codes.event.${e.event}`, { defaultValue: e.event })}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {e.actorName ?? t('registry.history.system')} · {formatDateTime(e.at)}
              {e.eventDate ? ` · ${t('registry.history.eventDate', { date: e.eventDate })}` : ''}
            </Typography.Text>
            {Object.entries(e.changes).map(([field, value]) => (
              <div key={field}>{change(field, value)}</div>
            ))}
            {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
