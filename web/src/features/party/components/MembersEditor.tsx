import type { PartyOrg } from '@anju/contracts';
import { App, Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../grids/components/ApiErrorAlert.tsx';
import { useCandidates, useSetMembers } from '../api.ts';

/** The party members of an organization: registry people marked as party members living under its place. */
export function MembersEditor({ org, canWrite }: { org: PartyOrg; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<string[] | null>(null);
  const candidates = useCandidates(editing ? org.id : undefined);
  const save = useSetMembers();
  if (!editing)
    return (
      <Space wrap>
        {org.members.length
          ? org.members.map((m) => <Tag key={m.personId}>{m.name}</Tag>)
          : t('party.noMembers')}
        {canWrite && (
          <Button
            size="small"
            onClick={() => setEditing(org.members.map((m) => m.personId))}
            data-testid="members-edit"
          >
            {t('party.editMembers')}
          </Button>
        )}
      </Space>
    );
  const options = (candidates.data ?? []).map((c) => ({
    value: c.personId,
    label: `${c.name} · ${c.dwelling}${c.orgId && c.orgId !== org.id ? ` (${t('party.inAnotherOrg')})` : ''}`,
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ApiErrorAlert error={save.error} />
      <Select
        mode="multiple"
        data-testid="members-select"
        style={{ width: '100%' }}
        loading={candidates.isFetching}
        value={editing}
        onChange={setEditing}
        options={options}
        optionFilterProp="label"
        notFoundContent={t('party.noCandidates')}
      />
      <Space>
        <Button
          type="primary"
          size="small"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { id: org.id, personIds: editing },
              {
                onSuccess: () => {
                  message.success(t('grids.saved'));
                  setEditing(null);
                },
              },
            )
          }
        >
          {t('common.save')}
        </Button>
        <Button size="small" onClick={() => setEditing(null)}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Space>
  );
}
