import type { IncidentDetail } from '@anju/contracts';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { useCategories } from '../api.ts';
import { Photos } from './Photos.tsx';

type Step = IncidentDetail['steps'][number];

/** The timeline of an incident; `plain` tells it to the resident in plain words, without officials' names. */
export function Steps({ steps, plain = false }: { steps: Step[]; plain?: boolean }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories().data;
  const categoryName = (code: unknown) => {
    const c = categories?.find((x) => x.code === code);
    return c ? (i18n.language.startsWith('en') ? c.nameEn : c.nameZh) : String(code);
  };
  const detail = (s: Step) => {
    const parts: string[] = [];
    if (typeof s.data.satisfaction === 'string')
      parts.push(t(`incidents.satisfaction.${s.data.satisfaction}`));
    if (typeof s.data.hours === 'number') parts.push(t('incidents.act.hoursMore', { hours: s.data.hours }));
    if (s.action === 'escalate' && typeof s.data.level === 'number')
      parts.push(t(`incidents.level.${['grid', 'community', 'township', 'county'][s.data.level]}`));
    if (s.action === 'classify')
      parts.push(`${categoryName(s.data.fromCategory)} → ${categoryName(s.data.toCategory)}`);
    return parts.join(' · ');
  };
  return (
    <Timeline
      data-testid="incident-timeline"
      items={[...steps].reverse().map((s) => ({
        key: s.id,
        children: (
          <div data-testid="incident-step" data-action={s.action}>
            <Typography.Text strong>
              {t(plain ? `incidents.plainStep.${s.action}` : `incidents.step.${s.action}`)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(s.at)}
              {!plain && s.actorName ? ` · ${s.actorName}` : ''}
            </Typography.Text>
            {detail(s) && <div>{detail(s)}</div>}
            {s.note && <Typography.Paragraph style={{ margin: 0 }}>{s.note}</Typography.Paragraph>}
            <Photos ids={s.photoIds} voiceIds={s.voiceIds} />
          </div>
        ),
      }))}
    />
  );
}
