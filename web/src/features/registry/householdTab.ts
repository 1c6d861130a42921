import type { HouseholdDetail, Permission } from '@anju/contracts';
import type { ReactNode } from 'react';

/** A tab of a household's detail page; modules add theirs in `app/householdTabs.tsx`, shown to holders of its permission. */
export interface HouseholdTab {
  key: string;
  /** i18n key of the tab's title. */
  label: string;
  permission?: Permission;
  render(household: HouseholdDetail): ReactNode;
}
