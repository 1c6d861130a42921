import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Draft } from './GridMapChart.tsx';

interface Props {
  gridName: string;
  draft: Draft;
  saving: boolean;
  canUndo: boolean;
  onClose(): void;
  onUndo(): void;
  onClear(): void;
  onSave(): void;
  onCancel(): void;
}

/** What to do next while drawing a boundary, and the buttons to do it. */
export function DrawBar({
  gridName,
  draft,
  saving,
  canUndo,
  onClose,
  onUndo,
  onClear,
  onSave,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const hint = draft.closed ? 'closed' : draft.vertices.length < 3 ? 'start' : 'open';
  return (
    <Alert
      type="info"
      data-testid="draw-bar"
      data-vertices={draft.vertices.length}
      title={t('grids.draw.title', { name: gridName })}
      description={t(`grids.draw.hint.${hint}`, { count: draft.vertices.length })}
      action={
        <Space wrap>
          {!draft.closed && (
            <Button
              size="small"
              disabled={draft.vertices.length < 3}
              onClick={onClose}
              data-testid="draw-close"
            >
              {t('grids.draw.close')}
            </Button>
          )}
          <Button size="small" disabled={!canUndo} onClick={onUndo}>
            {t('grids.draw.undo')}
          </Button>
          <Button size="small" onClick={onClear}>
            {t('grids.draw.clear')}
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={!draft.closed}
            loading={saving}
            onClick={onSave}
            data-testid="draw-save"
          >
            {t('common.save')}
          </Button>
          <Button size="small" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Space>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
