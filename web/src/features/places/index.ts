/** The place pickers other features put in their forms and filters. */
export { CommunityPicker } from './components/CommunityPicker.tsx';
export { AREA_LEVELS, PlacePicker, type PickedPlace } from './components/PlacePicker.tsx';
export { PlaceSelect } from './components/PlaceSelect.tsx';
export { usePlaceTree, type PlaceNode } from './components/usePlaceTree.ts';
