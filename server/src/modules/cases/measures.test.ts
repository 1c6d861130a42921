import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;

/** A household's case, written straight into the tables, at `step`. */
async function caseAt(step: string): Promise<string> {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}室`.slice(0, 8));
  const h = await family(w, dwelling);
  const [lead] = await t.database.query<{ id: number }>(
    `INSERT INTO monitoring_leads (household_id, source, status) VALUES ($1, 'visit', 'case') RETURNING id`,
    [Number(h.id)],
  );
  const [c] = await t.database.query<{ id: number }>(
    `INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, decision_due_at,
                                   identified_at, assisted_since)
     SELECT id, $2, residence_path, origin_path, $3, now() + interval '15 days', now() - interval '1 month',
            now() - interval '1 month'
       FROM households WHERE id = $1 RETURNING id`,
    [Number(h.id), lead.id, step],
  );
  return String(c.id);
}

const measure = (over: Record<string, unknown> = {}) => ({
  type: 'public_welfare_post',
  providerKind: 'department',
  providerName: '靖安镇人社所',
  description: '社区保洁公益性岗位',
  startOn: '2026-01-01',
  amount: 800,
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('assistance measures', () => {
  it('the residence side records measures; whether each runs follows its days', async () => {
    const id = await caseAt('assisted');
    const res = await w.staff.post(`/api/monitoring/cases/${id}/measures`, measure());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      caseId: id,
      type: 'public_welfare_post',
      endOn: null,
      outcome: '',
      outlivesElimination: false,
      running: true,
      version: 1,
    });
    const ended = await w.staff.post(
      `/api/monitoring/cases/${id}/measures`,
      measure({ type: 'small_loan', startOn: '2025-03-01', endOn: '2025-12-31', amount: 50000 }),
    );
    expect(ended.json().running).toBe(false);
    const later = await w.staff.post(
      `/api/monitoring/cases/${id}/measures`,
      measure({ startOn: '2099-01-01' }),
    );
    expect(later.json().running).toBe(false);
    const list = await w.staff.get(`/api/monitoring/cases/${id}/measures`);
    expect(list.json().map((m: { startOn: string }) => m.startOn)).toEqual([
      '2025-03-01',
      '2026-01-01',
      '2099-01-01',
    ]);
    const [logged] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.measure.add' AND target_id = $1`,
      [id],
    );
    expect(logged.n).toBe(3);
  });

  it('an edit names its version; a stale one is a 409 and nothing changes', async () => {
    const id = await caseAt('elimination_township');
    const m = (await w.staff.post(`/api/monitoring/cases/${id}/measures`, measure())).json();
    const url = `/api/monitoring/cases/${id}/measures/${m.id}`;
    const edited = await w.staff.put(url, measure({ outcome: '月收入 800 元', version: 1 }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ outcome: '月收入 800 元', version: 2 });
    const stale = await w.staff.put(url, measure({ outcome: '覆盖', version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({ field: 'version', reason: 'is stale' });
    const noVersion = await w.staff.put(url, measure());
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details[0].field).toBe('version');
    const other = await caseAt('assisted');
    expect(
      (await w.staff.put(`/api/monitoring/cases/${other}/measures/${m.id}`, measure({ version: 2 })))
        .statusCode,
    ).toBe(404);
    const list = (await w.staff.get(`/api/monitoring/cases/${id}/measures`)).json();
    expect(list[0]).toMatchObject({ outcome: '月收入 800 元', version: 2 });
  });

  it('bad input names the field', async () => {
    const id = await caseAt('assisted');
    const url = `/api/monitoring/cases/${id}/measures`;
    const backwards = await w.staff.post(url, measure({ startOn: '2026-05-01', endOn: '2026-04-30' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('endOn');
    const type = await w.staff.post(url, measure({ type: 'lottery' }));
    expect(type.json().error.details[0].field).toBe('type');
    const provider = await w.staff.post(url, measure({ providerName: '  ' }));
    expect(provider.json().error.details[0].field).toBe('providerName');
    const amount = await w.staff.post(url, measure({ amount: -1 }));
    expect(amount.json().error.details[0].field).toBe('amount');
    expect((await w.staff.get(url)).json()).toEqual([]);
  });

  it('measures are recorded while assisting; after elimination only those that outlive it are edited', async () => {
    const early = await caseAt('county_approval');
    const refused = await w.staff.post(`/api/monitoring/cases/${early}/measures`, measure());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'step', reason: 'is county_approval' });

    const id = await caseAt('elimination_county');
    const lasting = (
      await w.staff.post(
        `/api/monitoring/cases/${id}/measures`,
        measure({ type: 'health', outlivesElimination: true }),
      )
    ).json();
    const ending = (await w.staff.post(`/api/monitoring/cases/${id}/measures`, measure())).json();
    await t.database.query(
      `UPDATE monitoring_cases SET step = 'eliminated', closed_at = now() WHERE id = $1`,
      [id],
    );
    const outcome = await w.staff.put(
      `/api/monitoring/cases/${id}/measures/${lasting.id}`,
      measure({
        type: 'health',
        outlivesElimination: true,
        outcome: '慢病签约服务继续',
        endOn: '2027-12-31',
        version: 1,
      }),
    );
    expect(outcome.statusCode, outcome.body).toBe(200);
    expect(outcome.json()).toMatchObject({ outcome: '慢病签约服务继续', endOn: '2027-12-31' });
    const closed = await w.staff.put(
      `/api/monitoring/cases/${id}/measures/${ending.id}`,
      measure({ version: 1 }),
    );
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details[0].field).toBe('step');
    expect((await w.staff.post(`/api/monitoring/cases/${id}/measures`, measure())).statusCode).toBe(409);
  });

  it('the origin side and read-only officials see measures but do not record them; out of scope sees nothing', async () => {
    const id = await caseAt('assisted');
    const url = `/api/monitoring/cases/${id}/measures`;
    const m = (await w.staff.post(url, measure())).json();
    const expectReadOnly = async (c: Client, status: number) => {
      expect((await c.get(url)).json()).toHaveLength(1);
      const add = await c.post(url, measure());
      expect(add.statusCode).toBe(status);
      expect(errorCode(add)).toBe('forbidden');
      expect((await c.put(`${url}/${m.id}`, measure({ version: 1 }))).statusCode).toBe(status);
    };
    await expectReadOnly(await signIn(t, ['township_officer'], [w.originTownship]), 403);
    await expectReadOnly(await signIn(t, ['department_officer'], [w.tree.county]), 403);
    const township = await signIn(t, ['township_officer'], [w.tree.township]);
    expect((await township.post(url, measure())).statusCode).toBe(201);

    const stranger = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    for (const res of [
      await stranger.get(url),
      await stranger.post(url, measure()),
      await stranger.put(`${url}/${m.id}`, measure({ version: 1 })),
      await stranger.get(`/api/monitoring/cases/${id}/elimination-check`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('靖安镇人社所');
    }
    const resident = await signIn(t, ['resident'], [w.tree.community]);
    expect((await resident.get(url)).statusCode).toBe(403);
    expect((await w.staff.get('/api/monitoring/cases/999999999/measures')).statusCode).toBe(404);
  });
});
