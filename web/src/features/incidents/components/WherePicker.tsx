import {
  LOCATION_KINDS,
  type LocationKind,
  type MapPoint,
  type SiteMap as SiteMapData,
} from '@anju/contracts';
import { Flex, Radio, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SiteMap } from '../../../ui/SiteMap.tsx';
import { gridAt } from '../../../ui/siteMapGeometry.ts';

/** Where a report happened, as the reporter said it. */
export interface Where {
  kind: LocationKind;
  placeId?: string;
  /** The building chosen, or the grid a point lies in, for the words under the map. */
  name?: string;
  point?: MapPoint;
}

interface Props {
  value?: Where;
  onChange?(where: Where): void;
  /** The reporter's home (a dwelling), if they have one. */
  home?: { id: string; name: string };
  map?: SiteMapData;
}

/** Form rule: the place is chosen (and the point, for a point of the map). */
export const whereRule = (message: string) => ({
  validator: async (_: unknown, where?: Where) => {
    if (!where?.placeId || (where.kind === 'point' && !where.point)) throw new Error(message);
  },
});

/** Large buttons for how to say where — home, a building, a public area, a point of the map — then the choice. */
export function WherePicker({ value, onChange, home, map }: Props) {
  const { t } = useTranslation();
  const kinds = LOCATION_KINDS.filter((k) => k !== 'home' || home);
  const pick = (kind: LocationKind) =>
    onChange?.(kind === 'home' && home ? { kind, placeId: home.id, name: home.name } : { kind });
  const building = (id: string) =>
    onChange?.({ kind: 'building', placeId: id, name: map?.buildings.find((b) => b.id === id)?.name });
  const point = (p: MapPoint, gridId: string | undefined) => {
    const grid = map?.grids.find((g) => g.id === (gridId ?? gridAt(map, p)?.id));
    onChange?.({ kind: 'point', point: p, placeId: grid?.id ?? map?.community.id, name: grid?.name });
  };
  const kind = value?.kind;

  return (
    <Flex vertical gap={12} data-testid="where">
      <Radio.Group
        value={kind}
        onChange={(e) => pick(e.target.value)}
        optionType="button"
        buttonStyle="solid"
        size="large"
        style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
      >
        {kinds.map((k) => (
          <Radio.Button key={k} value={k}>
            <span data-testid={`where-${k}`}>{t(`incidents.where.${k}`)}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {kind === 'home' && home && <Typography.Text strong>{home.name}</Typography.Text>}
      {kind && kind !== 'home' && !map && <Spin />}
      {kind === 'building' && map && (
        <>
          <Select
            showSearch
            optionFilterProp="label"
            size="large"
            placeholder={t('incidents.where.pickBuilding')}
            value={value?.placeId}
            onChange={building}
            options={map.buildings.map((b) => ({ value: b.id, label: b.name }))}
            data-testid="where-building-select"
          />
          <SiteMap
            map={map}
            buildingId={value?.placeId}
            onBuilding={building}
            emptyText={t('incidents.where.noMap')}
            testId="where-map"
          />
        </>
      )}
      {kind === 'area' && map && (
        <Select
          size="large"
          placeholder={t('incidents.where.pickArea')}
          value={value?.placeId}
          onChange={(id: string) => onChange?.({ kind: 'area', placeId: id })}
          options={[
            { value: map.community.id, label: t('incidents.where.areaOf', { name: map.community.name }) },
            ...map.grids.map((g) => ({ value: g.id, label: t('incidents.where.areaOf', { name: g.name }) })),
          ]}
          data-testid="where-area-select"
        />
      )}
      {kind === 'point' && map && (
        <>
          <Typography.Text type="secondary">{t('incidents.where.tapMap')}</Typography.Text>
          <SiteMap
            map={map}
            point={value?.point}
            onPoint={point}
            emptyText={t('incidents.where.noMap')}
            testId="where-map"
          />
        </>
      )}
      {value?.placeId && kind !== 'home' && value.name && (
        <Typography.Text strong data-testid="where-chosen">
          {t(`incidents.where.chosen.${kind}`, { name: value.name })}
        </Typography.Text>
      )}
    </Flex>
  );
}
