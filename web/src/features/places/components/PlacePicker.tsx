import type { PlaceLevel } from '@anju/contracts';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { usePlaceRoots } from '../api.ts';
import { usePlaceTree } from './usePlaceTree.ts';

/** Levels figures roll up to, top down: villages and the buildings below grids are left out. */
export const AREA_LEVELS = ['province', 'city', 'county', 'township', 'community', 'grid'] as const;

/** A place picked with its name. */
export interface PickedPlace {
  value: string;
  label: string;
}

interface One {
  multiple?: false;
  value?: string;
  onChange?: (id?: string) => void;
}

interface Many {
  multiple: true;
  value?: PickedPlace[];
  onChange?: (value: PickedPlace[]) => void;
}

type Props = (One | Many) & {
  /** Levels offered, top down; the last one opens no further. All when not given. */
  levels?: readonly PlaceLevel[];
  placeholder?: string;
  testId?: string;
};

/**
 * Picks a place (or several) from the place tree of the user's scope, loaded one level at a time
 * as nodes open: one with a clear button, several with their names.
 */
export function PlacePicker(props: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const roots = usePlaceRoots();
  const tree = usePlaceTree(roots.data, props.levels);
  const common = {
    treeDataSimpleMode: true,
    treeData: tree.nodes,
    loadData: (node: { value?: unknown }) => tree.load(String(node.value)),
    loading: roots.isPending,
    status: roots.error ? ('error' as const) : undefined,
    notFoundContent: roots.error ? errorText(roots.error) : undefined,
  };
  if (props.multiple)
    return (
      <TreeSelect
        {...common}
        data-testid={props.testId ?? 'place-picker'}
        multiple
        labelInValue
        value={props.value}
        onChange={(v: PickedPlace[]) => props.onChange?.(v)}
        placeholder={props.placeholder ?? t('header.scopePlaceholder')}
        // Tree-wide admins start from every province; a plain list scrolls to any of them.
        virtual={false}
        styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      />
    );
  return (
    <TreeSelect
      {...common}
      data-testid={props.testId ?? 'place-picker'}
      allowClear
      value={props.value}
      onChange={(id?: string) => props.onChange?.(id)}
      placeholder={props.placeholder}
      style={{ minWidth: 200, width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
