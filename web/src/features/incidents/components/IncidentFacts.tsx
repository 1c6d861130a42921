import type { IncidentDetail } from '@anju/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { formatDeadline } from '../deadline.ts';
import { useCategories } from '../api.ts';
import { extensionAsked } from '../extension.ts';
import { Countdown } from './Countdown.tsx';

/** The facts of an incident: what, where, who handles it, and its deadlines. */
export function IncidentFacts({ incident: i }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const category = categories.data?.find((c) => c.code === i.categoryCode);
  const open = i.status !== 'closed' && i.status !== 'recalled';
  const asked = extensionAsked(i.steps);
  const replier =
    i.status === 'replied' ? i.steps.findLast((s) => s.action === 'reply')?.actorName : undefined;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="incident-facts"
      items={[
        {
          label: t('incidents.fields.category'),
          children: (
            <span data-testid="incident-category">
              {category
                ? i18n.language.startsWith('en')
                  ? category.nameEn
                  : category.nameZh
                : i.categoryCode}
            </span>
          ),
        },
        { label: t('incidents.fields.source'), children: t(`incidents.source.${i.source}`) },
        { label: t('incidents.fields.place'), children: i.place.label },
        {
          label: t('incidents.fields.handling'),
          children: `${t(`incidents.level.${i.level}`)} · ${i.handlingPlace.name}`,
        },
        { label: t('incidents.fields.reportedAt'), children: formatDateTime(i.reportedAt) },
        {
          label: t('incidents.fields.acceptDueAt'),
          children: (
            <>
              {formatDeadline(i.acceptDueAt)} {i.status === 'reported' && <Countdown due={i.acceptDueAt} />}
            </>
          ),
        },
        {
          label: t('incidents.fields.dueAt'),
          children: (
            <>
              <span data-testid="incident-due">{formatDeadline(i.dueAt)}</span>{' '}
              {open && <Countdown due={i.dueAt} testId="incident-countdown" />}
            </>
          ),
        },
        {
          label: t('incidents.fields.satisfaction'),
          children: i.satisfaction ? t(`incidents.satisfaction.${i.satisfaction}`) : '—',
        },
        ...(asked
          ? [
              {
                label: t('incidents.fields.extensionAsked'),
                children: (
                  <span data-testid="extension-asked">
                    {asked.days
                      ? t('incidents.act.daysMore', { days: asked.days })
                      : t('incidents.act.hoursMore', { hours: asked.hours })}
                    {asked.note ? ` · ${asked.note}` : ''}
                  </span>
                ),
                span: 'filled' as const,
              },
            ]
          : []),
        ...(replier
          ? [
              {
                label: t('incidents.fields.checker'),
                children: (
                  <span data-testid="incident-checker">
                    {t('incidents.detail.checker', { place: i.handlingPlace.name, name: replier })}
                  </span>
                ),
                span: 'filled' as const,
              },
            ]
          : []),
        ...(i.description
          ? [{ label: t('incidents.fields.description'), children: i.description, span: 'filled' as const }]
          : []),
      ]}
    />
  );
}
