import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Drawer,
  Empty,
  Grid as Layout,
  Input,
  Modal,
  Row,
  Spin,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isCode } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useCreateGrid, useGridMap, useSaveBoundary, useSiteMap } from '../api.ts';
import { SiteMap } from '../../../ui/SiteMap.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { CommunityPicker } from '../../places/index.ts';
import { DrawBar } from '../components/DrawBar.tsx';
import { GridDetail } from '../components/GridDetail.tsx';
import { GridList } from '../components/GridList.tsx';
import { GridMapChart } from '../components/GridMapChart.tsx';
import { SizeWarnings } from '../components/SizeWarnings.tsx';
import { outerRing, polygonOf } from '../geometry.ts';
import { useDraft } from '../useDraft.ts';

/** The grids of a community on a map coloured against the household norm; boundaries drawn and edited here. */
export function GridsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { communityId } = useParams();
  const navigate = useNavigate();
  const me = useSignedIn();
  const canWrite = me.permissions.includes('grid:write');
  const phone = !Layout.useBreakpoint().md;
  const map = useGridMap(communityId);
  // those who do not lay out grids see the community as it stands: grids, buildings and their names
  const site = useSiteMap(canWrite && !phone ? undefined : communityId);
  const [selectedId, setSelectedId] = useState<string>();
  const [naming, setNaming] = useState<string | null>(null);
  const draw = useDraft();
  const save = useSaveBoundary();
  const create = useCreateGrid(communityId ?? '');
  const items = map.data?.items ?? [];
  const selected = items.find((g) => g.id === selectedId);
  const drawing = items.find((g) => g.id === draw.gridId);

  const startDrawing = (id: string) => {
    const grid = items.find((g) => g.id === id);
    save.reset();
    draw.start(id, grid?.boundary ? outerRing(grid.boundary) : []);
  };
  const saveDraft = () =>
    save.mutate(
      { id: drawing!.id, boundary: polygonOf(draw.draft!.vertices), version: drawing!.version },
      {
        onSuccess: () => {
          message.success(t('grids.draw.saved'));
          draw.stop();
        },
      },
    );
  /** After a 409 the grid was redrawn elsewhere: start again from the boundary saved there. */
  const reload = async () => {
    const { data } = await map.refetch();
    const grid = data?.items.find((g) => g.id === draw.gridId);
    save.reset();
    draw.start(grid!.id, grid?.boundary ? outerRing(grid.boundary) : []);
  };
  const createGrid = () =>
    create.mutate(
      { name: naming!.trim() },
      {
        onSuccess: (grid) => {
          setNaming(null);
          setSelectedId(grid.id);
          if (!phone) draw.start(grid.id, []);
        },
      },
    );

  const detail = selected && (
    <GridDetail
      grid={selected}
      grids={items}
      communityId={communityId!}
      canWrite={canWrite && !phone}
      onDraw={() => startDrawing(selected.id)}
    />
  );

  return (
    <>
      <PageHeader
        title={t('grids.title')}
        extra={
          <>
            <CommunityPicker
              value={communityId}
              onChange={(id) => navigate(`/grids/${id}`, { replace: !communityId })}
            />
            {canWrite && communityId && !phone && (
              <Button icon={<PlusOutlined />} onClick={() => setNaming('')} data-testid="grid-create">
                {t('grids.create')}
              </Button>
            )}
          </>
        }
      />
      {!communityId ? (
        <Empty description={t('grids.pickCommunity')} />
      ) : map.error ? (
        <ErrorView error={map.error} />
      ) : !map.data ? (
        <Spin />
      ) : phone ? (
        <>
          {site.data && (
            <Card size="small" style={{ marginBottom: 12 }}>
              <SiteMap map={site.data} emptyText={t('grids.noMap')} height="60vh" testId="grid-site-map" />
            </Card>
          )}
          <SizeWarnings items={items} norm={map.data.norm} onSelect={setSelectedId} />
          <GridList items={items} onSelect={setSelectedId} />
          <Drawer
            open={!!selected}
            onClose={() => setSelectedId(undefined)}
            title={selected?.name}
            size="large"
          >
            {detail}
          </Drawer>
        </>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Card>
              {drawing && draw.draft && (
                <>
                  <ErrorAlert
                    error={save.error}
                    testId="boundary-error"
                    action={
                      isCode(save.error, 'conflict') && (
                        <Button size="small" onClick={reload} data-testid="boundary-reload">
                          {t('common.reload')}
                        </Button>
                      )
                    }
                  />
                  <DrawBar
                    gridName={drawing.name}
                    draft={draw.draft}
                    saving={save.isPending || map.isFetching}
                    canUndo={draw.canUndo}
                    onClose={draw.close}
                    onUndo={draw.undo}
                    onClear={draw.clear}
                    onSave={saveDraft}
                    onCancel={draw.stop}
                  />
                </>
              )}
              {canWrite ? (
                <GridMapChart
                  mapName={`grids-${communityId}-${map.dataUpdatedAt}`}
                  items={items}
                  norm={map.data.norm}
                  selectedId={selectedId}
                  draft={draw.draft}
                  onSelect={setSelectedId}
                  onPoint={draw.add}
                  onDragStart={draw.keep}
                  onMoveVertex={draw.move}
                  onClose={draw.close}
                />
              ) : (
                site.data && (
                  <SiteMap map={site.data} emptyText={t('grids.noMap')} height={520} testId="grid-site-map" />
                )
              )}
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <SizeWarnings items={items} norm={map.data.norm} onSelect={setSelectedId} />
            <Card style={{ marginTop: 16 }} title={selected?.name ?? t('grids.pickGrid')}>
              {detail ?? <GridList items={items} onSelect={setSelectedId} />}
            </Card>
          </Col>
        </Row>
      )}
      <Modal
        open={naming !== null}
        title={t('grids.create')}
        onCancel={() => setNaming(null)}
        onOk={createGrid}
        okButtonProps={
          {
            disabled: !naming?.trim(),
            loading: create.isPending,
            'data-testid': 'grid-create-ok',
          } as ButtonProps
        }
      >
        <ErrorAlert error={create.error} />
        <Input
          autoFocus
          data-testid="grid-name"
          placeholder={t('grids.name')}
          value={naming ?? ''}
          maxLength={100}
          onChange={(e) => setNaming(e.target.value)}
        />
      </Modal>
    </>
  );
}
