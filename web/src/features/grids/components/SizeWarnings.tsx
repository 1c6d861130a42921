import type { GridMapItem, GridNorm } from '@anju/contracts';
import { Alert, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIZE_COLOURS } from './GridMapChart.tsx';
import { NormNote } from './NormNote.tsx';

/** The grids whose household count is outside the norm, or a note that all are within it; the norm used beside. */
export function SizeWarnings({
  items,
  norm,
  onSelect,
}: {
  items: GridMapItem[];
  norm: GridNorm;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation();
  const outside = items.filter((g) => g.size !== 'within');
  if (!outside.length)
    return (
      <Alert
        type="success"
        showIcon
        title={t('grids.allWithin', norm)}
        description={<NormNote norm={norm} />}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="size-warnings"
      title={t('grids.outsideNorm', { count: outside.length, ...norm })}
      description={
        <>
          <NormNote norm={norm} />
          <List
            size="small"
            dataSource={outside}
            renderItem={(g) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect(g.id)}>
                <span>
                  {g.name} · {t('grids.householdCount', { count: g.households })}
                </span>
                <Tag color={SIZE_COLOURS[g.size]}>{t(`grids.sizeShort.${g.size}`)}</Tag>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
