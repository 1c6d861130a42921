import type { GridMapItem } from '@anju/contracts';
import { List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIZE_COLOURS } from './GridMapChart.tsx';

/** The grids as a list with their counts, for phones. */
export function GridList({ items, onSelect }: { items: GridMapItem[]; onSelect(id: string): void }) {
  const { t } = useTranslation();
  return (
    <List
      data-testid="grid-list"
      dataSource={items}
      renderItem={(g) => (
        <List.Item onClick={() => onSelect(g.id)} style={{ cursor: 'pointer' }}>
          <List.Item.Meta
            title={
              <>
                {g.name} <Tag color={SIZE_COLOURS[g.size]}>{t(`grids.sizeShort.${g.size}`)}</Tag>
              </>
            }
            description={`${g.code} · ${t('grids.householdCount', { count: g.households })} · ${t('grids.personCount', { count: g.persons })} · ${t('grids.buildingCount', { count: g.buildings })}`}
          />
        </List.Item>
      )}
    />
  );
}
