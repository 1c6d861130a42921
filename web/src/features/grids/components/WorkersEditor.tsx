import type { GridMapItem } from '@anju/contracts';
import { App, Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetWorkers, useWorkerCandidates } from '../api.ts';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';

/** The grid workers of a grid, and for those who lay out grids, a picker to change them. */
export function WorkersEditor({
  grid,
  communityId,
  canWrite,
}: {
  grid: GridMapItem;
  communityId: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<string[] | null>(null);
  const candidates = useWorkerCandidates(communityId, editing !== null);
  const save = useSetWorkers();
  if (editing === null)
    return (
      <Space wrap>
        {grid.workers.length
          ? grid.workers.map((w) => <Tag key={w.id}>{w.displayName}</Tag>)
          : t('grids.noWorkers')}
        {canWrite && (
          <Button
            size="small"
            onClick={() => setEditing(grid.workers.map((w) => w.id))}
            data-testid="workers-edit"
          >
            {t('grids.assignWorkers')}
          </Button>
        )}
      </Space>
    );
  const options = [
    ...grid.workers.map((w) => ({ value: w.id, label: w.displayName })),
    ...(candidates.data ?? [])
      .filter((c) => !grid.workers.some((w) => w.id === c.id))
      .map((c) => ({ value: c.id, label: c.displayName })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ApiErrorAlert error={save.error} />
      <Select
        mode="multiple"
        data-testid="workers-select"
        style={{ width: '100%' }}
        loading={candidates.isFetching}
        value={editing}
        onChange={setEditing}
        options={options}
      />
      <Space>
        <Button
          type="primary"
          size="small"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { id: grid.id, userIds: editing, version: grid.version },
              {
                onSuccess: () => {
                  message.success(t('grids.saved'));
                  setEditing(null);
                },
              },
            )
          }
        >
          {t('common.save')}
        </Button>
        <Button size="small" onClick={() => setEditing(null)}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Space>
  );
}
