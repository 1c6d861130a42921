import { PARTY_ORG_KINDS, PARTY_PLACE_LEVELS, type PartyLevel } from '@anju/contracts';
import { Alert, App, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useSetLevels, type LevelInput } from '../api.ts';

/**
 * The party levels (3–5, top down, ending at the party-member household), one list for every county:
 * shown to all, changed by an admin of a whole province.
 */
export function LevelsSettings({ levels, canWrite }: { levels: PartyLevel[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<LevelInput[]>(() =>
    levels.map(({ placeLevel, labelZh, labelEn, kind }) => ({ placeLevel, labelZh, labelEn, kind })),
  );
  const save = useSetLevels();
  const set = (i: number, patch: Partial<LevelInput>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="levels-settings">
      <Alert
        type="info"
        message={t(canWrite ? 'party.levels.whose' : 'party.levels.provinceOnly')}
        data-testid="levels-whose"
      />
      <Typography.Paragraph type="secondary">{t('party.levels.explain')}</Typography.Paragraph>
      <ErrorAlert error={save.error} />
      <Table<LevelInput & { depth: number }>
        rowKey="depth"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows.map((r, i) => ({ ...r, depth: i + 1 }))}
        columns={[
          { title: t('party.levels.depth'), dataIndex: 'depth' },
          {
            title: t('party.levels.placeLevel'),
            render: (_, r) => (
              <Select
                disabled={!canWrite}
                style={{ width: 120 }}
                value={r.placeLevel}
                onChange={(placeLevel) => set(r.depth - 1, { placeLevel })}
                options={PARTY_PLACE_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
              />
            ),
          },
          {
            title: t('party.levels.kind'),
            render: (_, r) => (
              <Select
                disabled={!canWrite}
                style={{ width: 140 }}
                value={r.kind}
                placeholder={t('party.levels.kindDefault')}
                allowClear
                onChange={(kind) => set(r.depth - 1, { kind })}
                options={PARTY_ORG_KINDS.map((k) => ({ value: k, label: t(`party.kind.${k}`) }))}
              />
            ),
          },
          {
            title: t('party.levels.labelZh'),
            render: (_, r) => (
              <Input
                disabled={!canWrite}
                value={r.labelZh}
                maxLength={32}
                onChange={(e) => set(r.depth - 1, { labelZh: e.target.value })}
              />
            ),
          },
          {
            title: t('party.levels.labelEn'),
            render: (_, r) => (
              <Input
                disabled={!canWrite}
                value={r.labelEn}
                maxLength={64}
                onChange={(e) => set(r.depth - 1, { labelEn: e.target.value })}
              />
            ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: { depth: number }) => (
                    <Button
                      size="small"
                      type="link"
                      disabled={rows.length <= 3}
                      onClick={() => setRows((all) => all.filter((_, j) => j !== r.depth - 1))}
                    >
                      {t('party.levels.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <Space>
          <Button
            disabled={rows.length >= 5}
            onClick={() => setRows((r) => [{ placeLevel: 'township', labelZh: '', labelEn: '' }, ...r])}
          >
            {t('party.levels.add')}
          </Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate(rows, { onSuccess: () => message.success(t('grids.saved')) })}
          >
            {t('common.save')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
