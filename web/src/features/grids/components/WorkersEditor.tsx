import type { GridMapItem } from '@anju/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetWorkers, useWorkerCandidates } from '../api.ts';
import { PeoplePicker } from './PeoplePicker.tsx';

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
  const [editing, setEditing] = useState<string[] | null>(null);
  const candidates = useWorkerCandidates(communityId, editing !== null);
  const save = useSetWorkers();
  const options = [
    ...grid.workers.map((w) => ({ value: w.id, label: w.displayName })),
    ...(candidates.data ?? [])
      .filter((c) => !grid.workers.some((w) => w.id === c.id))
      .map((c) => ({ value: c.id, label: c.displayName })),
  ];
  return (
    <PeoplePicker
      people={grid.workers.map((w) => ({ id: w.id, name: w.displayName }))}
      editing={editing}
      onEditingChange={setEditing}
      canWrite={canWrite}
      options={options}
      loading={candidates.isFetching}
      save={save}
      onSave={(userIds, onSuccess) =>
        save.mutate({ id: grid.id, userIds, version: grid.version }, { onSuccess })
      }
      texts={{ empty: t('grids.noWorkers'), edit: t('grids.assignWorkers') }}
      testId="workers"
    />
  );
}
