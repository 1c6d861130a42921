import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlaceRoots } from '../../places/api.ts';
import { usePlaceTree } from '../../places/index.ts';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  testId?: string;
}

/** Picks a dwelling from the place tree of the user's scope, opened level by level down to dwellings. */
export function DwellingPicker({ value, onChange, testId = 'dwelling-picker' }: Props) {
  const { t } = useTranslation();
  const roots = usePlaceRoots();
  const tree = usePlaceTree(roots.data);
  const nodes = tree.nodes.map((n) => ({
    ...n,
    // Only dwellings can be chosen; the levels above only open.
    selectable: n.place.level === 'dwelling',
  }));
  return (
    <TreeSelect
      data-testid={testId}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(node) => tree.load(String(node.value))}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={t('registry.household.pickDwelling')}
      allowClear
      loading={roots.isPending}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 260 } } }}
    />
  );
}
