import type { PlaceSummary } from '@anju/contracts';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeChildren, placeRoots } from '../api.ts';

/** Levels incidents roll up to; villages and buildings are left out of the picker. */
const PICKABLE = new Set(['province', 'city', 'county', 'township', 'community', 'grid']);

interface Node {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

const nodeOf = (p: PlaceSummary, pId?: string): Node => ({
  id: p.id,
  pId,
  value: p.id,
  title: p.name,
  isLeaf: p.level === 'grid' || p.childCount === 0,
});

/** A place within the user's scope, opened level by level from their scope roots down to grids. */
export function PlacePicker({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
  const { t } = useTranslation();
  const roots = useQuery({ queryKey: ['places', 'roots'], queryFn: placeRoots });
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    if (roots.data) setNodes(roots.data.filter((p) => PICKABLE.has(p.level)).map((p) => nodeOf(p)));
  }, [roots.data]);

  const load = async (node: { value?: unknown }) => {
    const id = String(node.value);
    if (nodes.some((n) => n.pId === id)) return;
    const children = (await placeChildren(id)).filter((p) => PICKABLE.has(p.level));
    setNodes((all) => [...all, ...children.map((c) => nodeOf(c, id))]);
  };

  return (
    <TreeSelect
      data-testid="kpi-place"
      treeDataSimpleMode
      treeData={nodes}
      loadData={load}
      value={value}
      onChange={(id?: string) => onChange(id)}
      allowClear
      placeholder={t('kpi.placeAll')}
      loading={roots.isLoading}
      style={{ minWidth: 200, width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
