import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useSetLinks, type CareMap, type HouseholdRef } from '../api.ts';

const labelOf = (h: HouseholdRef) => `${h.headName} · ${h.dwelling || h.householdNo}`;

/** The households a party-member household looks after (the norm is 5–15), chosen among those nobody looks after. */
export function LinksEditor({ orgId, care, canWrite }: { orgId: string; care: CareMap; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const carer = care.carers.find((c) => c.orgId === orgId);
  const [editing, setEditing] = useState<string[] | null>(null);
  const save = useSetLinks();
  const linked = carer?.linked ?? [];
  const { min, max } = care.norm;
  const count = editing?.length ?? linked.length;
  const outside = count < min || count > max;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="links-editor">
      <Typography.Text type={outside ? 'warning' : 'secondary'}>
        {t('party.linkCount', { count, min, max })}
      </Typography.Text>
      <ErrorAlert error={save.error} />
      {editing ? (
        <>
          <Select
            mode="multiple"
            data-testid="links-select"
            style={{ width: '100%' }}
            value={editing}
            onChange={setEditing}
            optionFilterProp="label"
            options={[...linked, ...care.unlooked].map((h) => ({ value: h.id, label: labelOf(h) }))}
          />
          <Space>
            <Button
              type="primary"
              size="small"
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { id: orgId, householdIds: editing },
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
        </>
      ) : (
        <Space wrap>
          {linked.map((h) => (
            <Tag key={h.id}>{labelOf(h)}</Tag>
          ))}
          {canWrite && (
            <Button size="small" onClick={() => setEditing(linked.map((h) => h.id))} data-testid="links-edit">
              {t('party.editLinks')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}
