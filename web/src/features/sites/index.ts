/** What other features use of sites: the industry project benefits of a household. */
export { HouseholdBenefits } from './components/HouseholdBenefits.tsx';
