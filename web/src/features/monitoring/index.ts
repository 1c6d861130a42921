/** What other features and app/ use of monitoring: its household tab and the lead button of a visit. */
export { HouseholdMonitoring } from './components/HouseholdMonitoring.tsx';
export { VisitLeadButton } from './components/VisitLeadButton.tsx';
