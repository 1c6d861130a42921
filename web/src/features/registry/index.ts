/** What other features and app/ use of the registry: code labels, the household tabs and their type. */
export { HouseholdHistoryTab, HouseholdMembersTab } from './components/HouseholdTabsContent.tsx';
export { useCodes } from './codes.ts';
export type { HouseholdTab } from './householdTab.ts';
