/** What other features use of grids: the people picker. */
export { PeoplePicker } from './components/PeoplePicker.tsx';
