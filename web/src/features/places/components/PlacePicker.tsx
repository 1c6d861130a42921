import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { usePlaceRoots } from '../api.ts';
import { usePlaceTree } from './usePlaceTree.ts';

export interface PickedPlace {
  value: string;
  label: string;
}

interface Props {
  value?: PickedPlace[];
  onChange?: (value: PickedPlace[]) => void;
}

/** Picks several places from the place tree, loaded one level at a time as nodes open. */
export function PlacePicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const roots = usePlaceRoots();
  const tree = usePlaceTree(roots.data);
  return (
    <TreeSelect
      data-testid="place-picker"
      multiple
      treeDataSimpleMode
      treeData={tree.nodes}
      loadData={(node) => tree.load(String(node.value))}
      labelInValue
      value={value}
      onChange={(v: PickedPlace[]) => onChange?.(v)}
      placeholder={t('header.scopePlaceholder')}
      loading={roots.isPending}
      // Tree-wide admins start from every province; a plain list scrolls to any of them.
      virtual={false}
      status={roots.error ? 'error' : undefined}
      notFoundContent={roots.error ? errorText(roots.error) : undefined}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}
