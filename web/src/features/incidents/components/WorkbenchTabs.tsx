import { INCIDENT_TABS, type IncidentCounts, type IncidentTab } from '@anju/contracts';
import { Badge, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<IncidentTab, string> = {
  toAccept: '#1677ff',
  inHand: '#8c8c8c',
  overdue: '#ff4d4f',
  done: '#bfbfbf',
};

/** The workbench's tabs — all, to accept, in hand, overdue, done — each with its count. */
export function WorkbenchTabs({
  value,
  counts,
  onChange,
}: {
  value?: IncidentTab;
  counts?: IncidentCounts;
  onChange: (tab?: IncidentTab) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs
      activeKey={value ?? 'all'}
      onChange={(k) => onChange(k === 'all' ? undefined : (k as IncidentTab))}
      size="small"
      tabBarGutter={16}
      data-testid="incident-tabs"
      items={[
        { key: 'all', label: t('incidents.workbench.tabs.all') },
        ...INCIDENT_TABS.map((tab) => ({
          key: tab,
          label: (
            <Space size={4} data-testid={`incident-tab-${tab}`}>
              {t(`incidents.workbench.tabs.${tab}`)}
              <Badge
                count={counts?.[tab] ?? 0}
                showZero
                color={COLOURS[tab]}
                overflowCount={9999}
                data-testid={`incident-count-${tab}`}
              />
            </Space>
          ),
        })),
      ]}
    />
  );
}
