import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../ui/scope.tsx';
import { usePlaceRoots } from '../api.ts';
import { usePlaceTree } from './usePlaceTree.ts';

/** Picks the place the user works on; kept across visits. */
export function ScopeSwitcher({ width }: { width: number | string }) {
  const { t } = useTranslation();
  const { scope, setScope } = useScope();
  const roots = usePlaceRoots();
  const tree = usePlaceTree(roots.data);
  return (
    <TreeSelect
      data-testid="scope-switcher"
      style={{ width }}
      treeDataSimpleMode
      treeData={tree.nodes}
      loadData={(node) => tree.load(String(node.value))}
      labelInValue
      value={scope ? { value: scope.id, label: scope.name } : undefined}
      onChange={(v?: { value: string; label: string }) =>
        setScope(v ? { id: v.value, name: String(v.label) } : null)
      }
      placeholder={t('header.scopePlaceholder')}
      allowClear
      loading={roots.isPending}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 240 } } }}
    />
  );
}
