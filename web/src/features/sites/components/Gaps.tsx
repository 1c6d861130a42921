import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFacilityKinds, type SiteFigures } from '../api.ts';

/** The kinds whose demand passes capacity, each with its shortfall; a green tag when none. */
export function Gaps({ gaps }: { gaps: SiteFigures['gaps'] }) {
  const { t } = useTranslation();
  const kinds = useFacilityKinds();
  if (gaps.length === 0) return <Tag color="green">{t('sites.noGaps')}</Tag>;
  return (
    <Space wrap size={4}>
      {gaps.map((g) => (
        <Tag color="red" key={g.kind} data-testid={`gap-${g.kind}`}>
          {t('sites.gap', { kind: kinds.label(g.kind), count: g.gap, unit: t(`sites.unit.${g.unit}`) })}
        </Tag>
      ))}
    </Space>
  );
}
