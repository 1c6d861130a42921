/** What app/ uses of visits: a household's visits tab. */
export { HouseholdVisits } from './components/HouseholdVisits.tsx';
