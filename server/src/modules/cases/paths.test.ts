import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/rows.ts';
import { addPlace, testApp, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

/** A case of a new household at `step`, written straight to the table. */
async function caseAt(step: string) {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}室`.slice(0, 8));
  const h = await family(w, dwelling);
  const [c] = await rows<{ id: number }>(
    t.database.db,
    sql`WITH lead AS (
          INSERT INTO monitoring_leads (household_id, source, status) VALUES (${Number(h.id)}, 'visit', 'case') RETURNING id)
        INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, decision_due_at)
        SELECT h.id, lead.id, h.residence_path, h.origin_path, ${step}, now() + interval '15 days'
          FROM households h, lead WHERE h.id = ${Number(h.id)}
        RETURNING id`,
  );
  return { householdId: Number(h.id), caseId: c.id };
}

const pathsOf = async (caseId: number) =>
  (
    await rows<{ residence_path: string; origin_path: string | null }>(
      t.database.db,
      sql`SELECT residence_path, origin_path FROM monitoring_cases WHERE id = ${caseId}`,
    )
  )[0];

it('a live case follows its household to a new home; an ended one keeps where it was decided', async () => {
  const live = await caseAt('assisted');
  const ended = await caseAt('eliminated');
  const before = await pathsOf(ended.caseId);
  await t.database.db.execute(
    sql`UPDATE households SET residence_path = residence_path || '999/', origin_path = '/9/'
         WHERE id IN (${live.householdId}, ${ended.householdId})`,
  );
  const [moved] = await rows<{ residence_path: string }>(
    t.database.db,
    sql`SELECT residence_path FROM households WHERE id = ${live.householdId}`,
  );
  expect(await pathsOf(live.caseId)).toEqual({ residence_path: moved.residence_path, origin_path: '/9/' });
  expect(await pathsOf(ended.caseId)).toEqual(before);
});
