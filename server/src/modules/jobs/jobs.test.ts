import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';
import { employer, enterprise, familyBy, job, residentOf } from './jobs.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let staff: Client;
let township: Client;
let worker: Client;
let outsider: Client;
let hr: Client;
let company: { id: string; name: string };
let otherDwellingParent: number;

type Res = { json(): { error: { details: { field: string; reason: string }[] } } };
const detail = (res: Res) => res.json().error.details[0];
const dwellingIn = (parent: number) =>
  addPlace(t.database, parent, 'dwelling', `${Math.random()}`.slice(2, 8));
const profile = (personId: string, skills: string[], workPreference: string | null = null) =>
  worker.put(`/api/persons/${personId}/labour`, { skills, workPreference });

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  staff = w.staff;
  township = await signIn(t, ['community_staff'], [w.tree.township]);
  worker = await workerOf(t, w, w.tree.grid);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  company = await enterprise(staff, w.tree.community);
  hr = await employer(t, staff, company.id);
  otherDwellingParent = await addPlace(t.database, w.tree.otherGrid, 'building', '9栋');
});
afterAll(() => t.close());

describe('enterprise staff', () => {
  it('links only enterprise_hr accounts, by officials who see the enterprise', async () => {
    const plain = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const res = await staff.post('/api/jobs/staff', { username: plain.username, enterpriseId: company.id });
    expect(res.statusCode).toBe(400);
    expect(detail(res)).toMatchObject({ field: 'username', reason: 'not an enterprise staff account' });
    const other = await signIn(t, ['enterprise_hr']);
    expect(
      (await outsider.post('/api/jobs/staff', { username: other.username, enterpriseId: company.id }))
        .statusCode,
    ).toBe(404);
    const listed = (await staff.get(`/api/jobs/staff?enterpriseId=${company.id}`)).json();
    expect(listed.map((s: { username: string }) => s.username)).toContain(hr.username);

    const leaving = await employer(t, staff, company.id);
    const gone = `/api/jobs/staff/${leaving.userId}?enterpriseId=${company.id}`;
    expect((await outsider.request({ method: 'DELETE', url: gone })).statusCode).toBe(404);
    const res2 = await staff.request({ method: 'DELETE', url: gone });
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json().map((s: { username: string }) => s.username)).not.toContain(leaving.username);
    expect((await staff.request({ method: 'DELETE', url: gone })).statusCode).toBe(404);
    expect((await job(leaving, w.tree.community)).statusCode).toBe(400);
  });

  it('names the linked accounts in username order, and refuses a username no account has', async () => {
    const unknown = await staff.post('/api/jobs/staff', {
      username: 'no-such-account',
      enterpriseId: company.id,
    });
    expect(detail(unknown)).toMatchObject({ field: 'username', reason: 'not an enterprise staff account' });
    await employer(t, staff, company.id);
    const listed = (await staff.get(`/api/jobs/staff?enterpriseId=${company.id}`)).json() as {
      username: string;
      displayName: string;
      enterpriseName: string;
    }[];
    const names = listed.map((s) => s.username);
    expect(names).toEqual([...names].sort());
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const s of listed)
      expect(s).toMatchObject({ enterpriseName: company.name, displayName: expect.any(String) });
  });

  it('an unlinked account cannot post', async () => {
    const loose = await signIn(t, ['enterprise_hr']);
    const res = await job(loose, w.tree.community);
    expect(res.statusCode).toBe(400);
    expect(detail(res)).toMatchObject({ field: 'enterpriseId', reason: 'not linked to an enterprise' });
  });
});

describe('jobs', () => {
  it('an employer posts for its own enterprise; a wage minimum above the maximum is refused', async () => {
    const res = await job(hr, w.tree.community);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      enterpriseId: company.id,
      status: 'open',
      version: 1,
      placeName: '靖安社区',
    });
    const here = await job(hr, w.tree.community, { placeId: undefined });
    expect(here.json()).toMatchObject({ placeId: String(w.tree.community) });
    const bad = await job(hr, w.tree.community, { wageMin: 5000, wageMax: 3000 });
    expect(bad.statusCode).toBe(400);
    expect(detail(bad)).toMatchObject({ field: 'wageMax', reason: 'must not be below the minimum wage' });
    const negative = await job(hr, w.tree.community, { wageMin: -1 });
    expect(negative.statusCode).toBe(400);
    const dwelling = await job(hr, w.tree.dwelling);
    expect(detail(dwelling)).toMatchObject({
      field: 'placeId',
      reason: 'must be a county, township or community',
    });
  });

  it('is seen by officials of its place and its own employer only; stale edits get 409', async () => {
    const posted = (await job(staff, w.tree.community, { enterpriseId: company.id })).json();
    expect((await hr.get(`/api/jobs/${posted.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/jobs/${posted.id}`)).statusCode).toBe(404);
    const rival = await employer(t, staff, (await enterprise(staff, w.tree.community)).id);
    expect((await rival.get(`/api/jobs/${posted.id}`)).statusCode).toBe(404);
    expect((await rival.patch(`/api/jobs/${posted.id}`, { title: 'x', version: 1 })).statusCode).toBe(404);
    const listed = (await rival.get('/api/jobs?pageSize=200')).json();
    expect(listed.items.some((j: { id: string }) => j.id === posted.id)).toBe(false);
    expect((await outsider.get('/api/jobs?pageSize=200')).json().total).toBe(0);

    const changed = await hr.patch(`/api/jobs/${posted.id}`, { wageMax: 4500, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await staff.patch(`/api/jobs/${posted.id}`, { status: 'closed', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(detail(stale)).toMatchObject({ field: 'version', reason: 'stale' });
    const low = await hr.patch(`/api/jobs/${posted.id}`, { wageMin: 9000, version: 2 });
    expect(detail(low)).toMatchObject({ field: 'wageMax' });
  });
});

describe('ranking', () => {
  it('ranks the unemployed labour by skills, distance and preference, and a person’s best jobs', async () => {
    const near = await familyBy(w, township, await dwellingIn(w.tree.building));
    const plain = await familyBy(w, township, await dwellingIn(w.tree.building));
    const far = await familyBy(w, township, await dwellingIn(otherDwellingParent));
    const working = await familyBy(w, township, await dwellingIn(w.tree.building));
    expect((await profile(near.members[0].id, ['缝纫', '电工'], 'nearby')).statusCode).toBe(200);
    await worker.post('/api/employment/records', {
      personId: working.members[0].id,
      kind: 'flexible',
      employerName: '外卖',
      monthlyWage: 2000,
      startOn: '2025-01-01',
      source: 'grid_worker',
    });
    const posted = (
      await job(township, w.tree.community, { enterpriseId: company.id, skills: ['缝纫'] })
    ).json();
    const res = await township.get(`/api/jobs/${posted.id}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as {
      personId: string;
      score: number;
      distance: number;
      skills: string[];
      preference: number;
    }[];
    const at = (id: string) => list.findIndex((c) => c.personId === id);
    const top = list[at(near.members[0].id)];
    expect(top).toMatchObject({ skills: ['缝纫'], distance: 3, preference: 1, score: 3 + 6 + 1 });
    expect(list[at(plain.members[0].id)]).toMatchObject({ skills: [], distance: 3, score: 6 });
    expect(list[at(far.members[0].id)]).toMatchObject({ distance: 2, score: 4 });
    expect(at(near.members[0].id)).toBeLessThan(at(plain.members[0].id));
    expect(at(plain.members[0].id)).toBeLessThan(at(far.members[0].id));
    expect(at(working.members[0].id)).toBe(-1);
    expect(at(near.members[2].id)).toBe(-1); // a child is not of the labour force

    const own = (await staff.get(`/api/jobs/${posted.id}/candidates`)).json() as { personId: string }[];
    expect(own.some((c) => c.personId === far.members[0].id)).toBe(false);
    const best = await worker.get(`/api/jobs/for-person/${near.members[0].id}`);
    expect(best.statusCode, best.body).toBe(200);
    expect(best.json()[0]).toMatchObject({ skills: ['缝纫'], distance: 3 });
    expect((await outsider.get(`/api/jobs/for-person/${near.members[0].id}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/jobs/${posted.id}/candidates`)).statusCode).toBe(403);
  });
});

describe('recommendations and applications', () => {
  it('the employer sees a recommendation only once the person agrees, the phone masked until they show it', async () => {
    const dwelling = await dwellingIn(w.tree.building);
    const h = await familyBy(w, township, dwelling);
    const head = h.members[0].id;
    const posted = (await job(hr, w.tree.community)).json();
    const rec = await worker.post(`/api/jobs/${posted.id}/recommendations`, { personId: head });
    expect(rec.statusCode, rec.body).toBe(201);
    const app = rec.json();
    expect(app).toMatchObject({ status: 'recommended', consented: false });
    expect((await hr.get(`/api/jobs/${posted.id}/applications`)).json()).toEqual([]);
    expect((await hr.get(`/api/job-applications/${app.id}`)).statusCode).toBe(404);
    expect(
      (await hr.post(`/api/job-applications/${app.id}/interview`, { on: '2026-12-20', version: 1 }))
        .statusCode,
    ).toBe(404);
    const again = await worker.post(`/api/jobs/${posted.id}/recommendations`, { personId: head });
    expect(detail(again)).toMatchObject({ field: 'personId', reason: 'already put forward for this job' });

    const agreed = await worker.post(`/api/job-applications/${app.id}/consent`, { agree: true, version: 1 });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({ status: 'applied', consented: true, showPhone: false });
    const seen = (await hr.get(`/api/jobs/${posted.id}/applications`)).json();
    expect(seen).toHaveLength(1);
    expect(seen[0].phone).toBe('138****5678');

    const resident = await residentOf(t, dwelling);
    const mine = (await resident.get('/api/job-board/applications')).json();
    expect(mine[0]).toMatchObject({ id: app.id, status: 'applied' });
    const shown = await resident.post(`/api/job-board/applications/${app.id}/phone`, {
      showPhone: true,
      version: 2,
    });
    expect(shown.statusCode, shown.body).toBe(200);
    expect((await hr.get(`/api/job-applications/${app.id}`)).json().phone).toBe('13812345678');
    expect((await worker.get(`/api/job-applications/${app.id}`)).json().phone).toBe('138****5678');
  });

  it('refuses a person outside the caller’s scope', async () => {
    const far = await familyBy(w, township, await dwellingIn(otherDwellingParent));
    const posted = (await job(staff, w.tree.community, { enterpriseId: company.id })).json();
    const res = await staff.post(`/api/jobs/${posted.id}/recommendations`, { personId: far.members[0].id });
    expect(res.statusCode).toBe(404);
    expect(detail(res)).toMatchObject({ field: 'personId', reason: 'unknown person' });
    expect(
      (await outsider.post(`/api/jobs/${posted.id}/recommendations`, { personId: far.members[0].id }))
        .statusCode,
    ).toBe(404);
  });

  it('a resident applies on the board; the employer interviews and hires, which records the employment', async () => {
    const dwelling = await dwellingIn(w.tree.building);
    const h = await familyBy(w, township, dwelling);
    const resident = await residentOf(t, dwelling);
    const posted = (await job(hr, w.tree.community, { title: `缝纫工${Date.now()}` })).json();
    const board = (await resident.get('/api/job-board')).json();
    expect(board.members.map((m: { personId: string }) => m.personId)).toContain(h.members[1].id);
    expect(board.jobs.some((m: { job: { id: string } }) => m.job.id === posted.id)).toBe(true);
    const stranger = await resident.post('/api/job-board/applications', {
      jobId: posted.id,
      personId: (await familyBy(w, township, await dwellingIn(w.tree.building))).members[0].id,
    });
    expect(detail(stranger)).toMatchObject({ field: 'personId', reason: 'not a member of your household' });

    const applied = await resident.post('/api/job-board/applications', {
      jobId: posted.id,
      personId: h.members[1].id,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id;
    const twice = await resident.post('/api/job-board/applications', {
      jobId: posted.id,
      personId: h.members[1].id,
    });
    expect(detail(twice)).toMatchObject({ field: 'jobId', reason: 'already put forward for this job' });

    const interview = await hr.post(`/api/job-applications/${id}/interview`, {
      on: '2026-12-20',
      version: 1,
    });
    expect(interview.json()).toMatchObject({ status: 'interview', interviewOn: '2026-12-20' });
    const staleHire = await hr.post(`/api/job-applications/${id}/hire`, {
      startOn: '2025-01-01',
      monthlyWage: 3200,
      kind: 'local_enterprise',
      version: 1,
    });
    expect(staleHire.statusCode).toBe(409);
    const hired = await hr.post(`/api/job-applications/${id}/hire`, {
      startOn: '2025-01-01',
      monthlyWage: 3200,
      kind: 'local_enterprise',
      version: 2,
    });
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json()).toMatchObject({
      status: 'hired',
      hiredOn: '2025-01-01',
      retention: { month3: true, month6: true },
    });
    const [record] = await t.database.query<{ enterprise_id: string; source: string; employer_name: string }>(
      'SELECT enterprise_id::text, source, employer_name FROM employment_records WHERE id = $1',
      [Number(hired.json().recordId)],
    );
    expect(record).toEqual({ enterprise_id: company.id, source: 'enterprise', employer_name: company.name });
    const view = (await worker.get(`/api/households/${h.id}/employment`)).json();
    expect(view.members[1].employed).toBe(true);
    expect((await hr.post(`/api/job-applications/${id}/reject`, { version: 3 })).statusCode).toBe(409);
    expect(errorCode(await resident.post(`/api/job-board/applications/${id}/withdraw`, { version: 3 }))).toBe(
      'conflict',
    );
    expect(
      (
        await (
          await residentOf(t, w.dwelling2)
        ).post(`/api/job-board/applications/${id}/withdraw`, { version: 3 })
      ).statusCode,
    ).toBe(404);
  });
});
