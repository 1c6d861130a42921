import { HouseholdEmploymentTab } from '../features/employment/index.ts';
import { HouseholdJobs } from '../features/jobs/index.ts';
import { HouseholdMonitoring } from '../features/monitoring/index.ts';
import { HouseholdHistoryTab, HouseholdMembersTab, type HouseholdTab } from '../features/registry/index.ts';
import { HouseholdBenefits } from '../features/sites/index.ts';
import { HouseholdTrainings } from '../features/training/index.ts';
import { HouseholdVisits } from '../features/visits/index.ts';

/**
 * The tabs of a household's detail page, composed from several features. Later modules (employment,
 * services, …) add their own entry here; each shows when the user holds its permission.
 */
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
  {
    key: 'employment',
    label: 'employment.tab',
    permission: 'employment:read',
    render: (h) => (
      <>
        <HouseholdEmploymentTab householdId={h.id} />
        <HouseholdTrainings householdId={h.id} />
      </>
    ),
  },
  {
    key: 'jobs',
    label: 'jobs.householdTab',
    permission: 'job:read',
    render: (h) => <HouseholdJobs householdId={h.id} />,
  },
  {
    key: 'benefits',
    label: 'householdTabs.benefits',
    permission: 'site:read',
    render: (h) => <HouseholdBenefits householdId={h.id} />,
  },
];
