/** What app/ uses of employment: a household's employment tab. */
export { HouseholdEmploymentTab } from './components/HouseholdEmploymentTab.tsx';
