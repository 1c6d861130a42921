import type { PartyOrg } from '@anju/contracts';
import { WarningOutlined } from '@ant-design/icons';
import { Tooltip, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { useLevelLabel } from '../label.ts';

/** The organizations as a tree, each under the one above it; those the party's rules flag are marked. */
export function OrgTree({
  orgs,
  selectedId,
  onSelect,
}: {
  orgs: PartyOrg[];
  selectedId?: string;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation();
  const label = useLevelLabel();
  const ids = new Set(orgs.map((o) => o.id));
  const nodesUnder = (parentId: string | null): DataNode[] =>
    orgs
      .filter((o) => (parentId === null ? !o.parentId || !ids.has(o.parentId) : o.parentId === parentId))
      .map((o) => ({
        key: o.id,
        title: (
          <span data-testid={`org-${o.id}`}>
            <small style={{ color: '#c41d7f' }}>{label(o)}</small> {o.name}
            {o.members.length > 0 && <small style={{ color: '#8c8c8c' }}> · {o.members.length}</small>}
            {o.checks.length > 0 && (
              <Tooltip
                title={o.checks
                  .map((c) =>
                    t(`party.check.${c.code}`, {
                      limit: c.limit,
                      count: o.memberCount,
                      full: o.fullMemberCount,
                    }),
                  )
                  .join('；')}
              >
                <WarningOutlined
                  style={{ color: '#d48806', marginLeft: 6 }}
                  data-testid={`org-flag-${o.id}`}
                />
              </Tooltip>
            )}
          </span>
        ),
        children: nodesUnder(o.id),
      }));
  return (
    <Tree
      data-testid="org-tree"
      blockNode
      defaultExpandAll
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
      treeData={nodesUnder(null)}
    />
  );
}
