import type { PartyOrg } from '@anju/contracts';
import { Select, Typography } from 'antd';
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
  const current = org.members.map((m) => m.personId);
  const probationary = org.members.filter((m) => m.probationary).map((m) => m.personId);
  return (
    <>
      <PeoplePicker
        people={org.members.map((m) => ({ id: m.personId, name: m.name }))}
        editing={editing}
        onEditingChange={setEditing}
        canWrite={canWrite}
        options={options}
        loading={candidates.isFetching}
        save={save}
        onSave={(personIds, onSuccess) =>
          save.mutate(
            { id: org.id, personIds, probationaryIds: probationary.filter((p) => personIds.includes(p)) },
            { onSuccess },
          )
        }
        texts={{ empty: t('party.noMembers'), edit: t('party.editMembers') }}
        testId="members"
        selectProps={{ notFoundContent: t('party.noCandidates') }}
      />
      {org.members.length > 0 && !editing && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('party.probationary')}</Typography.Text>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            disabled={!canWrite || save.isPending}
            value={probationary}
            placeholder={t('party.noProbationary')}
            data-testid="members-probationary"
            options={org.members.map((m) => ({ value: m.personId, label: m.name }))}
            onChange={(probationaryIds: string[]) =>
              save.mutate({ id: org.id, personIds: current, probationaryIds })
            }
          />
        </div>
      )}
    </>
  );
}
