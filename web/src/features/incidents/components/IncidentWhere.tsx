import type { Incident } from '@anju/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SiteMap } from '../../../ui/SiteMap.tsx';
import { useSiteMap } from '../../grids/api.ts';

/** Where an incident happened on its community's map: the building chosen, or the point tapped. */
export function IncidentWhere({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation();
  const map = useSiteMap(i.place.id);
  if (!map.data) return null;
  const building = map.data.buildings.find((b) => b.id === i.place.id);
  return (
    <>
      <Typography.Text strong data-testid="incident-where">
        {i.place.label}
        {i.locationKind && ` · ${t(`incidents.where.${i.locationKind}`)}`}
      </Typography.Text>
      <SiteMap
        map={map.data}
        buildingId={building?.id}
        point={i.point}
        emptyText={t('incidents.where.noMap')}
        height={280}
        testId="incident-map"
      />
    </>
  );
}
