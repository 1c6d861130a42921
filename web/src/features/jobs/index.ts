/** What app/ uses of jobs: the best jobs of a household's people who seek work. */
export { HouseholdJobs } from './components/HouseholdJobs.tsx';
