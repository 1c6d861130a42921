import type { PartyOrg } from '@anju/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeoplePicker } from '../../grids/index.ts';
import { useCandidates, useSetMembers } from '../api.ts';

/** The party members of an organization: registry people marked as party members living under its place. */
export function MembersEditor({ org, canWrite }: { org: PartyOrg; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string[] | null>(null);
  const candidates = useCandidates(editing ? org.id : undefined);
  const save = useSetMembers();
  const options = (candidates.data ?? []).map((c) => ({
    value: c.personId,
    label: `${c.name} · ${c.dwelling}${c.orgId && c.orgId !== org.id ? ` (${t('party.inAnotherOrg')})` : ''}`,
  }));
  return (
    <PeoplePicker
      people={org.members.map((m) => ({ id: m.personId, name: m.name }))}
      editing={editing}
      onEditingChange={setEditing}
      canWrite={canWrite}
      options={options}
      loading={candidates.isFetching}
      save={save}
      onSave={(personIds, onSuccess) => save.mutate({ id: org.id, personIds }, { onSuccess })}
      texts={{ empty: t('party.noMembers'), edit: t('party.editMembers') }}
      testId="members"
      selectProps={{ notFoundContent: t('party.noCandidates') }}
    />
  );
}
