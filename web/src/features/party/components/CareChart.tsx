import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart.tsx';
import type { CareMap } from '../api.ts';

/** "Who looks after whom" as a tree: the community, its party-member households, and the households each looks after. */
export function CareChart({ care, communityName }: { care: CareMap; communityName: string }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', triggerOn: 'mousemove' },
      series: [
        {
          type: 'tree',
          top: 10,
          bottom: 10,
          left: 90,
          right: 160,
          initialTreeDepth: 1,
          expandAndCollapse: true,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12 },
          leaves: { label: { position: 'right', align: 'left' } },
          data: [
            {
              name: communityName,
              children: care.carers.map((c) => ({
                name: `${c.household?.headName ?? c.name} (${c.linked.length})`,
                itemStyle: { color: c.underMin ? '#faad14' : '#c41d7f' },
                children: c.linked.map((h) => ({ name: `${h.headName} · ${h.dwelling}` })),
              })),
            },
          ],
        },
      ],
    }),
    [care, communityName],
  );
  if (!care.carers.length) return <div>{t('party.noCarers')}</div>;
  return <EChart option={option} testId="care-chart" height={Math.max(320, care.carers.length * 22)} />;
}
