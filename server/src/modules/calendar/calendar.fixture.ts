import { makeTree, signIn, type TestApp } from '../../../test/harness.ts';

/** Two counties, each with a county admin signed in: one to keep a calendar, one to be kept out. */
export async function calendarWorld(t: TestApp) {
  const tree = await makeTree(t.database);
  const far = await makeTree(t.database);
  const county = await signIn(t, ['county_admin'], [tree.county]);
  const farCounty = await signIn(t, ['county_admin'], [far.county]);
  return { tree, far, county, farCounty };
}
