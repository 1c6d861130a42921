import type { GridMapItem } from '@anju/contracts';
import { Button, Descriptions, Divider, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BuildingsPanel } from './BuildingsPanel.tsx';
import { SIZE_COLOURS } from './GridMapChart.tsx';
import { WorkersEditor } from './WorkersEditor.tsx';

interface Props {
  grid: GridMapItem;
  grids: GridMapItem[];
  communityId: string;
  canWrite: boolean;
  onDraw(): void;
}

/** One grid: its code, size against the norm, workers and buildings; the boundary can be redrawn. */
export function GridDetail({ grid, grids, communityId, canWrite, onDraw }: Props) {
  const { t } = useTranslation();
  return (
    <div data-testid="grid-detail">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'code', label: t('grids.code'), children: grid.code },
          {
            key: 'households',
            label: t('grids.households'),
            children: (
              <>
                {grid.households}{' '}
                <Tag color={SIZE_COLOURS[grid.size]}>{t(`grids.sizeShort.${grid.size}`)}</Tag>
              </>
            ),
          },
          { key: 'persons', label: t('grids.persons'), children: grid.persons },
          { key: 'buildings', label: t('grids.buildings'), children: grid.buildings },
          {
            key: 'workers',
            label: t('grids.workers'),
            children: <WorkersEditor grid={grid} communityId={communityId} canWrite={canWrite} />,
          },
        ]}
      />
      {canWrite && (
        <Button onClick={onDraw} data-testid="boundary-draw" style={{ marginTop: 8 }}>
          {grid.boundary ? t('grids.draw.edit') : t('grids.draw.start')}
        </Button>
      )}
      <Divider titlePlacement="start">{t('grids.buildings')}</Divider>
      <BuildingsPanel key={grid.id} grid={grid} grids={grids} canWrite={canWrite} />
    </div>
  );
}
