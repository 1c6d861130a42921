import type { PlaceLevel } from '@anju/contracts';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Drawer, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../ui/scope.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { usePlaceRoots } from '../api.ts';
import { usePlaceTree } from './usePlaceTree.ts';

/** The tree of the user's places, picking the scope; closes through `onPicked`. */
function ScopeTree({ width, open, onPicked }: { width: number | string; open?: boolean; onPicked?(): void }) {
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
      onChange={(v?: { value: string; label: string }) => {
        const level = tree.nodes.find((n) => n.id === v?.value)?.place.level;
        setScope(v ? { id: v.value, name: String(v.label), level } : null);
        onPicked?.();
      }}
      placeholder={t('header.scopePlaceholder')}
      allowClear
      loading={roots.isPending}
      defaultOpen={open}
      getPopupContainer={open ? (node: HTMLElement) => node.parentElement ?? document.body : undefined}
      popupMatchSelectWidth={open ? true : false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 240 } } }}
    />
  );
}

/** Chooses the user's only place as their scope when nothing is chosen yet; the choice is remembered. */
export function useOnlyPlaceChosen() {
  const me = useSignedIn();
  const { scope, setScope } = useScope();
  const only = me.scopes.length === 1 ? me.scopes[0] : undefined;
  useEffect(() => {
    if (!scope && only) setScope({ id: only.id, name: only.name, level: only.level as PlaceLevel });
  }, [scope, only, setScope]);
}

/**
 * The scope control of the header: on a phone a small button naming the scope, opening the tree in
 * a drawer.
 */
export function ScopeSwitcher({ phone }: { phone: boolean }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [open, setOpen] = useState(false);
  if (!phone) return <ScopeTree width={280} />;
  return (
    <>
      <Button
        type="text"
        icon={<EnvironmentOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('header.scope')}
        data-testid="scope-button"
        style={{ maxWidth: '38vw', paddingInline: 4 }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {scope?.name ?? t('header.scopePlaceholder')}
        </span>
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="top"
        title={t('header.scope')}
        height="auto"
        destroyOnHidden
        styles={{ body: { minHeight: 440 } }}
      >
        <ScopeTree width="100%" open onPicked={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
