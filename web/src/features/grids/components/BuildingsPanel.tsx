import type { GridBuilding, GridMapItem } from '@anju/contracts';
import { App, Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGridBuildings, useRegrid } from '../api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';

/** The buildings of a grid with their households and people; chosen ones can move to another grid. */
export function BuildingsPanel({
  grid,
  grids,
  canWrite,
}: {
  grid: GridMapItem;
  grids: GridMapItem[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const buildings = useGridBuildings(grid.id);
  const regrid = useRegrid();
  const [chosen, setChosen] = useState<string[]>([]);
  const [target, setTarget] = useState<string>();
  const to = grids.find((g) => g.id === target);

  const confirm = () => {
    const moving = (buildings.data ?? []).filter((b) => chosen.includes(b.id));
    const households = moving.reduce((n, b) => n + b.households, 0);
    const persons = moving.reduce((n, b) => n + b.persons, 0);
    modal.confirm({
      title: t('grids.regrid.confirmTitle', { from: grid.name, to: to!.name }),
      content: (
        <span data-testid="regrid-confirm">
          {t('grids.regrid.confirm', { buildings: moving.length, households, persons })}
        </span>
      ),
      okText: t('grids.regrid.move'),
      onOk: () =>
        regrid
          .mutateAsync({
            id: grid.id,
            toGridId: to!.id,
            buildingIds: chosen,
            version: grid.version,
            toVersion: to!.version,
          })
          .then((r) => {
            message.success(t('grids.regrid.done', { households: r.households }));
            setChosen([]);
          }),
    });
  };

  return (
    <>
      <ErrorAlert error={regrid.error} testId="regrid-error" />
      <Table<GridBuilding>
        data-testid="grid-buildings"
        rowKey="id"
        size="small"
        loading={buildings.isFetching}
        dataSource={buildings.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowSelection={
          canWrite ? { selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) } : undefined
        }
        columns={[
          { title: t('grids.building'), dataIndex: 'name' },
          { title: t('grids.households'), dataIndex: 'households' },
          { title: t('grids.persons'), dataIndex: 'persons' },
        ]}
      />
      {canWrite && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            data-testid="regrid-target"
            placeholder={t('grids.regrid.target')}
            style={{ minWidth: 180 }}
            value={target}
            onChange={setTarget}
            options={grids
              .filter((g) => g.id !== grid.id)
              .map((g) => ({ value: g.id, label: `${g.name} · ${g.code}` }))}
          />
          <Button disabled={!chosen.length || !to} onClick={confirm} data-testid="regrid-move">
            {t('grids.regrid.move')}
          </Button>
        </Space>
      )}
    </>
  );
}
