import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';
import { recomputeEverywhere } from './zero.service.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;
let outsider: Client;
let origin: Client;

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Member {
  personId: string;
  name: string;
  labourForce: boolean;
  employed: boolean;
}

async function newFamily() {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await family(w, dwelling);
  const [head, spouse, child] = h.members as { id: string; version: number }[];
  return { id: h.id as string, head, spouse, child };
}

const record = (c: Client, personId: string, over: Record<string, unknown> = {}) =>
  c.post('/api/employment/records', {
    personId,
    kind: 'workshop',
    employerName: '安居帮扶车间',
    place: '安置区工业园',
    monthlyWage: 2800,
    startOn: '2025-03-01',
    source: 'grid_worker',
    ...over,
  });

/** A family whose only job ends as a day passes: registered, given a job, the job's end then put behind today. */
async function jobEndedOvernight() {
  const h = await newFamily();
  const job = (await record(worker, h.head.id, { endOn: daysFromToday(1) })).json();
  await t.database.query('UPDATE employment_records SET end_on = $1 WHERE id = $2', [
    daysFromToday(-1),
    job.id,
  ]);
  return h;
}

const zeroOpen = async (c: Client) =>
  (await c.get('/api/employment/zero?status=open&pageSize=200')).json().items as {
    id: string;
    householdId: string;
    dueOn: string;
    daysOpen: number;
  }[];

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  worker = await workerOf(t, w, w.tree.grid);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  origin = await signIn(t, ['township_officer'], [w.originTownship]);
});
afterAll(() => t.close());

describe('employment records', () => {
  it('adds a job, derives the current state from it and keeps its history', async () => {
    const h = await newFamily();
    const res = await record(worker, h.head.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'workshop',
      monthlyWage: 2800,
      endOn: null,
      current: true,
      version: 1,
    });
    const view = (await worker.get(`/api/households/${h.id}/employment`)).json();
    const head = view.members.find((m: Member) => m.personId === h.head.id);
    expect(head).toMatchObject({ labourForce: true, employed: true });
    expect(head.records).toHaveLength(1);
    const child = view.members.find((m: Member) => m.personId === h.child.id);
    expect(child).toMatchObject({ labourForce: false, employed: false });

    const id = res.json().id;
    const ended = await worker.patch(`/api/employment/records/${id}`, {
      endOn: daysFromToday(-1),
      version: 1,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ current: false, version: 2 });
    const stale = await worker.patch(`/api/employment/records/${id}`, { monthlyWage: 1, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({ field: 'version', reason: 'stale' });
    const history = (await worker.get(`/api/employment/records/${id}/history`)).json();
    expect(history.map((x: { event: string }) => x.event)).toEqual(['end', 'create']);
    expect(history[0].changes.endOn).toEqual([null, daysFromToday(-1)]);
  });

  it('lets a person hold more than one job', async () => {
    const h = await newFamily();
    await record(worker, h.head.id);
    await record(worker, h.head.id, { kind: 'flexible', employerName: '外卖配送', monthlyWage: 1500 });
    const view = (await worker.get(`/api/households/${h.id}/employment`)).json();
    expect(view.members.find((m: Member) => m.personId === h.head.id).records).toHaveLength(2);
  });

  it.each([
    [{ startOn: '2025-03-01', endOn: '2025-02-01' }, 'endOn', 'is before startOn'],
    [{ monthlyWage: -1 }, 'monthlyWage', 'must not be negative'],
    [{ kind: 'smuggling' }, 'kind', undefined],
    [{ employerName: '' }, 'employerName', undefined],
    [{ startOn: '2025-02-30' }, 'startOn', undefined],
  ])('refuses bad input %j naming the field', async (over, field, reason) => {
    const h = await newFamily();
    const res = await record(worker, h.head.id, over);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
    if (reason) expect(res.json().error.details[0].reason).toBe(reason);
  });

  it('refuses an end before the start on an edit too, and nothing is written', async () => {
    const h = await newFamily();
    const id = (await record(worker, h.head.id)).json().id;
    const res = await worker.patch(`/api/employment/records/${id}`, { endOn: '2024-01-01', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'endOn', reason: 'is before startOn' });
    expect((await worker.get(`/api/employment/records/${id}/history`)).json()).toHaveLength(1);
  });

  it('answers a person outside the scope as missing, naming the field', async () => {
    const h = await newFamily();
    const res = await record(outsider, h.head.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details[0]).toMatchObject({ field: 'personId' });
  });
});

describe('access', () => {
  let h: Awaited<ReturnType<typeof newFamily>>;
  let recordId: string;
  beforeAll(async () => {
    h = await newFamily();
    recordId = (await record(worker, h.head.id, { endOn: daysFromToday(-2) })).json().id;
  });

  it('answers 404 to officials of neither side, and their lists hold nothing of it', async () => {
    expect((await outsider.get(`/api/households/${h.id}/employment`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/employment/records/${recordId}/history`)).statusCode).toBe(404);
    const patched = await outsider.patch(`/api/employment/records/${recordId}`, {
      verified: true,
      version: 1,
    });
    expect(patched.statusCode).toBe(404);
    expect(errorCode(patched)).toBe('not_found');
    expect((await outsider.put(`/api/persons/${h.head.id}/labour`, { skills: ['电工'] })).statusCode).toBe(
      404,
    );
    const labour = (await outsider.get('/api/employment/labour?pageSize=200')).json();
    expect(labour.items.some((r: { householdId: string }) => r.householdId === h.id)).toBe(false);
    expect((await zeroOpen(outsider)).some((z) => z.householdId === h.id)).toBe(false);
  });

  it('shows origin-side officials their own people, who are kept on the residence side', async () => {
    const view = await origin.get(`/api/households/${h.id}/employment`);
    expect(view.statusCode).toBe(200);
    expect(view.json().mayKeep).toBe(false);
    expect((await worker.get(`/api/households/${h.id}/employment`)).json().mayKeep).toBe(true);
    expect(
      view
        .json()
        .members.map((m: Member) => m.personId)
        .sort(),
    ).toEqual([h.head.id, h.spouse.id].sort());
    const labour = (await origin.get('/api/employment/labour?pageSize=200')).json();
    expect(labour.items.some((r: { personId: string }) => r.personId === h.head.id)).toBe(true);
    expect((await origin.get(`/api/employment/records/${recordId}/history`)).statusCode).toBe(200);
    const refused = await origin.patch(`/api/employment/records/${recordId}`, { verified: true, version: 1 });
    expect(refused.statusCode).toBe(403);
    expect((await origin.put(`/api/persons/${h.head.id}/labour`, { skills: ['电工'] })).statusCode).toBe(403);
    expect((await origin.put(`/api/persons/${h.child.id}/labour`, { skills: ['电工'] })).statusCode).toBe(
      404,
    );
    expect((await record(origin, h.head.id)).statusCode).toBe(403);
  });

  it('refuses roles without the permission', async () => {
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect((await resident.get(`/api/households/${h.id}/employment`)).statusCode).toBe(403);
    const county = await signIn(t, ['county_admin'], [w.tree.county]);
    expect((await county.get(`/api/households/${h.id}/employment`)).statusCode).toBe(200);
    expect((await record(county, h.head.id)).statusCode).toBe(403);
  });
});

describe('labour register', () => {
  it('makes an entry, changes it from its version and refuses a stale one', async () => {
    const h = await newFamily();
    const url = `/api/persons/${h.spouse.id}/labour`;
    const made = await worker.put(url, {
      skills: ['缝纫'],
      trainingWishes: ['家政'],
      workPreference: 'nearby',
      notWorkingReason: 'caring_for_family',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ skills: ['缝纫'], workPreference: 'nearby', version: 1 });
    expect((await worker.put(url, { skills: ['电工'] })).statusCode).toBe(409);
    const changed = await worker.put(url, {
      skills: ['缝纫', '电商'],
      workPreference: 'in_province',
      version: 1,
    });
    expect(changed.json()).toMatchObject({ skills: ['缝纫', '电商'], version: 2 });
    expect((await worker.put(url, { skills: [], version: 1 })).statusCode).toBe(409);
    expect(
      (await worker.put(url, { workPreference: 'abroad', version: 2 })).json().error.details[0].field,
    ).toBe('workPreference');
    const view = (await worker.get(`/api/households/${h.id}/employment`)).json();
    expect(view.members.find((m: Member) => m.personId === h.spouse.id).profile.skills).toEqual([
      '缝纫',
      '电商',
    ]);
    const child = await worker.put(`/api/persons/${h.child.id}/labour`, { skills: ['电工'] });
    expect(child.statusCode).toBe(400);
    expect(child.json().error.details[0]).toMatchObject({
      field: 'params.id',
      reason: 'is not of working age with labour capacity',
    });
  });

  it('lists the labour force in scope, employed or not', async () => {
    const h = await newFamily();
    await record(worker, h.head.id);
    const page = (await worker.get('/api/employment/labour?employed=false&pageSize=200')).json();
    const ids = page.items.map((r: { personId: string }) => r.personId);
    expect(ids).toContain(h.spouse.id);
    expect(ids).not.toContain(h.head.id);
    expect(ids).not.toContain(h.child.id);
  });
});

describe('zero-employment households', () => {
  it('flags a household in the request that ends its last job, tells the grid worker, and clears it on a new job', async () => {
    const h = await newFamily();
    const job = (await record(worker, h.head.id)).json();
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(false);

    await worker.patch(`/api/employment/records/${job.id}`, { endOn: daysFromToday(-1), version: 1 });
    const flag = (await zeroOpen(worker)).find((z) => z.householdId === h.id)!;
    expect(flag).toMatchObject({ dueOn: daysFromToday(30), daysOpen: 0 });
    const news = (await worker.get('/api/notifications?pageSize=200')).json().items;
    expect(news).toContainEqual(
      expect.objectContaining({ kind: 'zero_employment', link: `/employment/zero/${flag.id}` }),
    );
    expect((await zeroOpen(origin)).some((z) => z.id === flag.id)).toBe(true);

    const help = await worker.post(`/api/employment/zero/${flag.id}/help`, {
      kind: 'public_welfare_post',
      note: '推荐保洁公益岗',
      givenOn: today(),
    });
    expect(help.statusCode, help.body).toBe(201);
    expect(help.json().help).toHaveLength(1);
    expect(
      (await origin.post(`/api/employment/zero/${flag.id}/help`, { kind: 'other', givenOn: today() }))
        .statusCode,
    ).toBe(403);
    expect((await outsider.get(`/api/employment/zero/${flag.id}`)).statusCode).toBe(404);
    const future = await worker.post(`/api/employment/zero/${flag.id}/help`, {
      kind: 'training',
      givenOn: daysFromToday(3),
    });
    expect(future.json().error.details[0].field).toBe('givenOn');

    await record(worker, h.spouse.id, { kind: 'public_welfare_post', employerName: '社区公益岗' });
    const cleared = (await worker.get(`/api/employment/zero/${flag.id}`)).json();
    expect(cleared).toMatchObject({ clearedOn: today(), clearedBy: 'employed', helpCount: 1 });
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(false);
    const late = await worker.post(`/api/employment/zero/${flag.id}/help`, {
      kind: 'other',
      givenOn: today(),
    });
    expect(late.statusCode).toBe(400);
  });

  it('leaves the flags as they were when the change is refused as stale', async () => {
    const h = await newFamily();
    const job = (await record(worker, h.head.id)).json();
    await worker.patch(`/api/employment/records/${job.id}`, { verified: true, version: 1 });
    const refused = await worker.patch(`/api/employment/records/${job.id}`, { endOn: today(), version: 1 });
    expect(refused.statusCode).toBe(409);
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(false);
  });

  it('follows a change of labour capacity in the same request', async () => {
    const h = await newFamily();
    const job = (await record(worker, h.head.id)).json();
    await worker.patch(`/api/employment/records/${job.id}`, { endOn: daysFromToday(-1), version: 1 });
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(true);
    for (const p of [h.head, h.spouse]) {
      const current = (await w.staff.get(`/api/persons/${p.id}`)).json();
      const res = await w.staff.patch(`/api/persons/${p.id}`, {
        labourCapacity: 'none',
        version: current.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const view = (await worker.get(`/api/households/${h.id}/employment`)).json();
    expect(view.zeroEmployment).toMatchObject({ clearedBy: 'no_labour', clearedOn: today() });
    const spouse = (await w.staff.get(`/api/persons/${h.spouse.id}`)).json();
    await w.staff.patch(`/api/persons/${h.spouse.id}`, { labourCapacity: 'full', version: spouse.version });
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(true);
  });

  it('follows a life event in the same request: the only one in work moves out', async () => {
    const h = await newFamily();
    await record(worker, h.head.id);
    const { version } = (await w.staff.get(`/api/households/${h.id}`)).json();
    const res = await w.staff.post(`/api/households/${h.id}/events`, {
      event: 'move_out',
      personId: h.head.id,
      date: today(),
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(true);
  });

  it('recomputes every household each day, as jobs end and people reach working age', async () => {
    const h = await jobEndedOvernight();
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(false);
    expect((await recomputeEverywhere(t.database)).flagged).toBeGreaterThanOrEqual(1);
    expect((await zeroOpen(worker)).some((z) => z.householdId === h.id)).toBe(true);
  });

  it('counts the households to clear on the home, as the list does', async () => {
    const open = (await worker.get('/api/employment/zero?status=open')).json().total;
    expect((await worker.get('/api/home/todo')).json().zeroEmployment).toBe(open);
    expect((await outsider.get('/api/home/todo')).json().zeroEmployment).toBe(0);
  });

  it('recomputes every household living in the caller’s scope', async () => {
    const h = await jobEndedOvernight();
    expect((await zeroOpen(w.staff)).some((z) => z.householdId === h.id)).toBe(false);
    const res = await w.staff.post('/api/employment/zero/recompute');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().flagged).toBeGreaterThanOrEqual(1);
    expect((await zeroOpen(w.staff)).some((z) => z.householdId === h.id)).toBe(true);
    expect((await w.staff.post('/api/employment/zero/recompute')).json().flagged).toBe(0);
    expect((await outsider.post('/api/employment/zero/recompute')).json()).toMatchObject({ flagged: 0 });
    expect((await zeroOpen(outsider)).some((z) => z.householdId === h.id)).toBe(false);
  });
});
