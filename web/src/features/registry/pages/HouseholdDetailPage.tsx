import { DownOutlined, EditOutlined } from '@ant-design/icons';
import { LIFE_EVENTS, type LifeEvent } from '@anju/contracts';
import { Button, Card, Dropdown, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useHousehold } from '../api.ts';
import { HouseholdEditModal } from '../components/HouseholdEditModal.tsx';
import { HouseholdFacts } from '../components/HouseholdFacts.tsx';
import { LifeEventModal } from '../components/LifeEventModal.tsx';
import type { HouseholdTab } from '../householdTab.ts';

type Dialog = { kind: 'edit' } | { kind: 'event'; event: LifeEvent };

/** One household: facts, life events, the relocation-facts edit, and the tabs other modules add to. */
export function HouseholdDetailPage({ tabs: offered }: { tabs: HouseholdTab[] }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const household = useHousehold(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Re-keys an open dialog after a reload, so it starts again from the fresh version.
  const [round, setRound] = useState(0);
  if (household.error) return <ErrorView error={household.error} />;
  if (!household.data) return <Spin size="large" />;
  const h = household.data;
  const writable = me.permissions.includes('person:write') && h.side !== 'hukou' && h.status === 'active';
  const reload = async () => {
    await household.refetch();
    setRound((r) => r + 1);
  };
  const actions = writable && (
    <Space wrap>
      <Button
        icon={<EditOutlined />}
        onClick={() => setDialog({ kind: 'edit' })}
        data-testid="household-edit"
      >
        {t('registry.household.edit')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: LIFE_EVENTS.map((e) => ({
            key: e,
            label: t(`codes.event.${e}`),
            'data-testid': `event-${e}`,
          })),
          onClick: ({ key }) => setDialog({ kind: 'event', event: key as LifeEvent }),
        }}
      >
        <Button type="primary" data-testid="household-events">
          {t('registry.events.title')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
  const tabs = offered
    .filter((tab) => !tab.permission || me.permissions.includes(tab.permission))
    .map((tab) => ({ key: tab.key, label: t(tab.label), children: tab.render(h) }));
  return (
    <>
      <PageHeader
        title={
          <span data-testid="household-title">{t('registry.household.titleOf', { name: h.headName })}</span>
        }
        extra={actions}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <HouseholdFacts household={h} />
      </Card>
      <Card size="small">
        <Tabs items={tabs} data-testid="household-tabs" />
      </Card>
      {dialog?.kind === 'edit' && (
        <HouseholdEditModal key={round} household={h} onClose={() => setDialog(null)} onReload={reload} />
      )}
      {dialog?.kind === 'event' && (
        <LifeEventModal
          key={round}
          household={h}
          event={dialog.event}
          onClose={() => setDialog(null)}
          onReload={reload}
        />
      )}
    </>
  );
}
