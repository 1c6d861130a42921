import type { HouseholdDetail, Permission } from '@anju/contracts';
import type { ReactNode } from 'react';
import { HouseholdMonitoring } from '../../monitoring/components/HouseholdMonitoring.tsx';
import { HouseholdVisits } from '../../visits/components/HouseholdVisits.tsx';
import { HouseholdHistoryTab, HouseholdMembersTab } from './HouseholdTabsContent.tsx';

/**
 * The tabs of a household's detail page. Later modules (monitoring, employment, services, …) add
 * their own entry here; each shows when the user holds its permission.
 */
export interface HouseholdTab {
  key: string;
  /** i18n key of the tab's title. */
  label: string;
  permission?: Permission;
  render(household: HouseholdDetail): ReactNode;
}

export const householdTabs: HouseholdTab[] = [
  {
    key: 'members',
    label: 'registry.household.membersTab',
    render: (h) => <HouseholdMembersTab household={h} />,
  },
  { key: 'history', label: 'registry.history.title', render: (h) => <HouseholdHistoryTab household={h} /> },
  {
    key: 'visits',
    label: 'visits.history.title',
    permission: 'visit:read',
    render: (h) => <HouseholdVisits householdId={h.id} />,
  },
  {
    key: 'monitoring',
    label: 'householdTabs.monitoring',
    permission: 'monitoring:read',
    render: (h) => <HouseholdMonitoring household={h} />,
  },
];
