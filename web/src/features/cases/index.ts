/** What other features use of cases: a household's cases, the open-case button and the day count of a step. */
export { HouseholdCases } from './components/HouseholdCases.tsx';
export { OpenCaseButton } from './components/OpenCaseButton.tsx';
export { dayOf } from './steps.ts';
