import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCode } from '../../../ui/errors.ts';
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

/** Picks several places from the lazily loaded tree; without place:read, place ids are typed in. */
export function PlacePicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const roots = usePlaceRoots();
  const tree = usePlaceTree(roots.data);
  if (isCode(roots.error, 'forbidden')) {
    return (
      <Select
        mode="tags"
        labelInValue
        value={value}
        onChange={(v: PickedPlace[]) => onChange?.(v.filter((p) => /^[1-9][0-9]{0,17}$/.test(p.value)))}
        tokenSeparators={[',', ' ']}
        open={false}
        data-testid="place-picker"
      />
    );
  }
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
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}
