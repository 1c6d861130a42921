/** What other features use of training: the courses a household's members took. */
export { HouseholdTrainings } from './components/HouseholdTrainings.tsx';
