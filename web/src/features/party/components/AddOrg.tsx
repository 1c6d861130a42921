import type { PartyLevel, PartyOrg } from '@anju/contracts';
import { App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useAllChildren } from '../../places/api.ts';
import { useCreateOrg } from '../api.ts';
import { useLevelLabel } from '../label.ts';

/** Founds an organization of the next level on a child place of `parent`'s place that has none yet. */
export function AddOrg({
  parent,
  next,
  orgs,
  onCreated,
}: {
  /** The place whose children may get one; `only` names the one place to take instead (the community itself). */
  parent: { placeId: string; only?: { id: string; name: string } };
  next: PartyLevel;
  orgs: PartyOrg[];
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLevelLabel();
  const [placeId, setPlaceId] = useState<string>();
  const [name, setName] = useState('');
  const create = useCreateOrg();
  const children = useAllChildren(parent.placeId, !parent.only);
  const taken = new Set(orgs.map((o) => o.place.id));
  const places = parent.only
    ? [parent.only]
    : (children.data ?? []).filter((p) => p.level === next.placeLevel && !taken.has(p.id));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={create.error} />
      <Space wrap>
        <Select
          data-testid="org-place"
          style={{ minWidth: 160 }}
          placeholder={t('party.pickPlace', { level: t(`levels.${next.placeLevel}`) })}
          loading={children.isFetching}
          value={placeId}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(id: string) => {
            setPlaceId(id);
            const place = places.find((p) => p.id === id);
            if (place) setName(`${place.name}${label(next)}`);
          }}
          options={places.map((p) => ({ value: p.id, label: p.name }))}
          notFoundContent={t('party.noFreePlace')}
        />
        <Input
          data-testid="org-name"
          style={{ width: 220 }}
          value={name}
          maxLength={100}
          placeholder={t('party.orgName')}
          onChange={(e) => setName(e.target.value)}
        />
        <Button
          type="primary"
          disabled={!placeId || !name.trim()}
          loading={create.isPending}
          data-testid="org-create"
          onClick={() =>
            create.mutate(
              { placeId: placeId!, name: name.trim() },
              {
                onSuccess: (org) => {
                  message.success(t('party.created', { name: org.name }));
                  setPlaceId(undefined);
                  setName('');
                  onCreated(org.id);
                },
              },
            )
          }
        >
          {t('party.found', { level: label(next) })}
        </Button>
      </Space>
    </Space>
  );
}
