import type { PartyLevel, PartyOrg } from '@anju/contracts';
import { App, Button, Descriptions, Divider, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useRenameOrg, type CareMap } from '../api.ts';
import { useLevelLabel } from '../label.ts';
import { AddOrg } from './AddOrg.tsx';
import { LinksEditor } from './LinksEditor.tsx';
import { MembersEditor } from './MembersEditor.tsx';
import { OrgChecks } from './OrgChecks.tsx';

interface Props {
  org: PartyOrg;
  orgs: PartyOrg[];
  levels: PartyLevel[];
  care?: CareMap;
  canWrite: boolean;
  onSelect(id: string): void;
}

/** One organization: its name, place and members; below it the next level, or the households it looks after. */
export function OrgPanel({ org, orgs, levels, care, canWrite, onSelect }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLevelLabel();
  const [name, setName] = useState<string | null>(null);
  const rename = useRenameOrg();
  const next = levels.find((l) => l.depth === org.depth + 1);
  const last = !next;
  return (
    <div data-testid="org-panel">
      <ErrorAlert error={rename.error} />
      <OrgChecks org={org} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'level', label: t('party.level'), children: label(org) },
          {
            key: 'name',
            label: t('party.orgName'),
            children:
              name === null ? (
                <Space>
                  {org.name}
                  {canWrite && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setName(org.name)}
                      data-testid="org-rename"
                    >
                      {t('party.rename')}
                    </Button>
                  )}
                </Space>
              ) : (
                <Space.Compact>
                  <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
                  <Button
                    type="primary"
                    loading={rename.isPending}
                    disabled={!name.trim()}
                    onClick={() =>
                      rename.mutate(
                        { id: org.id, name: name.trim(), version: org.version },
                        {
                          onSuccess: () => {
                            message.success(t('grids.saved'));
                            setName(null);
                          },
                        },
                      )
                    }
                  >
                    {t('common.save')}
                  </Button>
                  <Button onClick={() => setName(null)}>{t('common.cancel')}</Button>
                </Space.Compact>
              ),
          },
          { key: 'place', label: t('party.place'), children: org.place.name },
          {
            key: 'members',
            label: t('party.members'),
            children: <MembersEditor key={org.id} org={org} canWrite={canWrite} />,
          },
        ]}
      />
      {last && care && (
        <>
          <Divider titlePlacement="start">{t('party.looksAfter')}</Divider>
          <LinksEditor key={org.id} orgId={org.id} care={care} canWrite={canWrite} />
        </>
      )}
      {next && canWrite && (
        <>
          <Divider titlePlacement="start">{t('party.addBelow', { level: label(next) })}</Divider>
          <AddOrg
            key={org.id}
            parent={{ placeId: org.place.id }}
            next={next}
            orgs={orgs}
            onCreated={onSelect}
          />
        </>
      )}
    </div>
  );
}
