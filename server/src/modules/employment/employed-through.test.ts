import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Persons of `ids` whose kept `employed_through` differs from the derivation — employed on a day when
 * one of their records has no end or ends that day or later — on yesterday, today and tomorrow.
 */
const drifted = (ids: string[]) =>
  t.database.query<{ id: string }>(
    `SELECT p.id FROM persons p CROSS JOIN (VALUES ($2::date), ($3::date), ($4::date)) d(on_day)
      WHERE p.id = ANY($1::bigint[])
        AND (coalesce(p.employed_through >= d.on_day, false)
             <> EXISTS (SELECT 1 FROM employment_records r
                         WHERE r.person_id = p.id AND (r.end_on IS NULL OR r.end_on >= d.on_day)))`,
    [ids, day(-1), day(0), day(1)],
  );

async function newFamily() {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await family(w, dwelling);
  return (h.members as { id: string }[]).map((m) => m.id);
}

const record = (personId: string, over: Record<string, unknown> = {}) =>
  worker.post('/api/employment/records', {
    personId,
    kind: 'workshop',
    employerName: '安居帮扶车间',
    place: '安置区工业园',
    monthlyWage: 2800,
    startOn: '2025-03-01',
    source: 'grid_worker',
    ...over,
  });

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  worker = await workerOf(t, w, w.tree.grid);
});
afterAll(() => t.close());

describe("a person's employed_through", () => {
  it('equals the derivation from the records after every kind of change', async () => {
    const [head, spouse] = await newFamily();
    const ids = [head, spouse];
    const through = async (id: string) =>
      (
        await t.database.query<{ d: string | null }>(
          `SELECT employed_through::text AS d FROM persons WHERE id = $1`,
          [id],
        )
      )[0].d;
    expect(await through(head)).toBeNull();

    const added = (await record(head, { endOn: day(30) })).json();
    expect(await through(head)).toBe(day(30));
    expect(await drifted(ids)).toEqual([]);

    const open = (await record(head)).json();
    expect(await through(head)).toBe('infinity');
    expect(await drifted(ids)).toEqual([]);

    const edited = await worker.patch(`/api/employment/records/${open.id}`, { version: 1, endOn: day(5) });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await through(head)).toBe(day(30));

    const ended = await worker.patch(`/api/employment/records/${added.id}`, { version: 1, endOn: day(-1) });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await through(head)).toBe(day(5));
    expect(await drifted(ids)).toEqual([]);

    // Writes of any module come through the same table: several rows at once, a move, a removal.
    await t.database.query(
      `INSERT INTO employment_records (person_id, kind, employer_name, monthly_wage, start_on, end_on, source)
       VALUES ($1, 'flexible', '零工', 100, '2025-01-01', $2, 'declared'),
              ($3, 'flexible', '零工', 100, '2025-01-01', NULL, 'declared')`,
      [head, day(0), spouse],
    );
    expect(await drifted(ids)).toEqual([]);
    await t.database.query(`UPDATE employment_records SET end_on = $2 WHERE person_id = $1`, [
      spouse,
      day(-3),
    ]);
    expect(await through(spouse)).toBe(day(-3));
    await t.database.query(
      `UPDATE employment_records SET person_id = $2 WHERE person_id = $1 AND end_on = $3`,
      [head, spouse, day(5)],
    );
    expect(await through(spouse)).toBe(day(5));
    expect(await through(head)).toBe(day(0));
    await t.database.query(
      `DELETE FROM employment_history WHERE record_id IN
                              (SELECT id FROM employment_records WHERE person_id = $1)`,
      [spouse],
    );
    await t.database.query(`DELETE FROM employment_records WHERE person_id = $1`, [spouse]);
    expect(await through(spouse)).toBeNull();
    expect(await drifted(ids)).toEqual([]);
  });
});
