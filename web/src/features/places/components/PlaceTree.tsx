import { Tree, type TreeDataNode } from 'antd';
import { useNavigate } from 'react-router-dom';
import { usePlaceRoots } from '../api.ts';
import { usePlaceTree, type PlaceNode } from './usePlaceTree.ts';

function nest(nodes: PlaceNode[], parent: string | null): TreeDataNode[] {
  return nodes
    .filter((n) => n.pId === parent)
    .map((n) => ({
      key: n.id,
      title: n.title,
      isLeaf: n.isLeaf,
      children: n.isLeaf ? undefined : nest(nodes, n.id),
    }))
    .map((n) => (n.children?.length === 0 ? { ...n, children: undefined } : n));
}

/** The place tree, loaded one level at a time as nodes open; selecting a place opens it. */
export function PlaceTree({ selected }: { selected?: string }) {
  const navigate = useNavigate();
  const roots = usePlaceRoots();
  const tree = usePlaceTree(roots.data);
  return (
    <Tree
      data-testid="place-tree"
      treeData={nest(tree.nodes, null)}
      loadData={(node) => tree.load(String(node.key))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] && navigate(`/places/${keys[0]}`)}
      blockNode
      style={{ overflowX: 'auto' }}
    />
  );
}
