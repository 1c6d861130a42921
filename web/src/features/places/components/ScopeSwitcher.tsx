import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Drawer, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../ui/scope.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { usePlaceRoots } from '../api.ts';
import { usePlaceTree } from './usePlaceTree.ts';

/** The tree of the user's places, picking the scope; closes through `onPicked`. */
function ScopeTree({ width, open, onPicked }: { width: number | string; open?: boolean; onPicked?(): void }) {
  const { t } = useTranslation();
  const { setScope } = useScope();
  const scope = useShownScope();
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

/**
 * The scope shown: the one picked, else the user's only place — shown as chosen but not sent as a
 * filter, since lists already keep to the user's whole scope (a grid worker's reports may lie in
 * buildings beside their grid's path).
 */
function useShownScope() {
  const me = useSignedIn();
  const { scope } = useScope();
  const only = me.scopes.length === 1 ? me.scopes[0] : undefined;
  return scope ?? (only ? { id: only.id, name: only.name } : null);
}

/**
 * The scope control of the header: on a phone a small button naming the scope, opening the tree in
 * a drawer.
 */
export function ScopeSwitcher({ phone }: { phone: boolean }) {
  const { t } = useTranslation();
  const scope = useShownScope();
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
