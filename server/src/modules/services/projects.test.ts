import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, type Client, type TestApp, testApp } from '../../../test/harness.ts';
import { addProject, PNG, uploadReportPhoto } from './projects.fixture.ts';
import { raise, servicesWorld, type ServicesWorld } from './services.fixture.ts';

let t: TestApp;
let s: ServicesWorld;
let projectId: string;
let needId: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  s = await servicesWorld(t);
  needId = (await raise(s.resident)).id;
  projectId = (await addProject(s, { needIds: [needId] })).id;
});
afterAll(() => t.close());

const detail = async (c: Client) => (await c.get(`/api/service-projects/${projectId}`)).json();

describe('a service project', () => {
  it('is started with its provider, budget, milestones and the household of a need', async () => {
    const p = await detail(s.staff);
    expect(p).toMatchObject({
      orgId: s.org.id,
      budget: 10_000,
      spent: 0,
      status: 'active',
      servedCount: 1,
      milestonesTotal: 2,
      can: { manage: true, report: true, rate: false, evaluate: true },
    });
    expect(p.served).toEqual([
      expect.objectContaining({ householdId: s.household.id, needId, needSummary: '老人白天无人照看' }),
    ]);
  });

  it('refuses a provider that does not offer the service and a milestone outside the project', async () => {
    const res = await s.staff.post('/api/service-projects', {
      name: '法援进社区',
      kind: 'purchased',
      category: 'legal_aid',
      ownerDepartment: '县司法局',
      placeId: String(s.w.tree.community),
      orgId: s.org.id,
      budget: 1000,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'orgId',
      reason: 'does not offer this kind of service',
    });
    const late = await s.staff.post(`/api/service-projects/${projectId}/milestones`, {
      title: '结项',
      dueOn: '2030-01-01',
    });
    expect(late.json().error.details[0]).toMatchObject({ field: 'dueOn' });
  });

  it('takes progress reports with photos from its provider, never past the budget', async () => {
    const p = await detail(s.orgStaff);
    expect(p.served).toEqual([]);
    const res = await s.orgStaff.post(`/api/service-projects/${projectId}/reports`, {
      note: '上门探访 12 户',
      spent: 4000,
      milestoneId: p.milestones[0].id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const photo = await uploadReportPhoto(s.orgStaff, res.json().id, PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    const back = await s.staff.get(`/api/service-project-photos/${photo.json().id}`);
    expect(back.rawPayload.equals(PNG)).toBe(true);
    const fake = await uploadReportPhoto(s.orgStaff, res.json().id, Buffer.from('not a picture'));
    expect(fake.statusCode).toBe(415);
    const over = await s.orgStaff.post(`/api/service-projects/${projectId}/reports`, {
      note: '采购',
      spent: 6001,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({
      field: 'spent',
      reason: 'takes the spending past the budget of {{budget}} yuan',
      params: { budget: 10_000 },
    });
    const after = await detail(s.staff);
    expect(after.spent).toBe(4000);
    expect(after.reports[0]).toMatchObject({ spent: 4000, photoIds: [photo.json().id] });
    expect((await s.otherOrgStaff.get(`/api/service-project-photos/${photo.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it('lets only the people served rate it, once; others get a clear error', async () => {
    const byStaff = await s.staff.post(`/api/service-projects/${projectId}/ratings`, { rating: 5 });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().error.details[0]).toMatchObject({
      field: 'rating',
      reason: 'only the people served may rate this project',
    });
    const byProvider = await s.orgStaff.post(`/api/service-projects/${projectId}/ratings`, { rating: 5 });
    expect(byProvider.statusCode).toBe(403);
    expect((await detail(s.resident)).can.rate).toBe(true);
    const ok = await s.resident.post(`/api/service-projects/${projectId}/ratings`, {
      rating: 4,
      comment: '很好',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ myRating: 4, ratingAvg: 4, ratingCount: 1, can: { rate: false } });
    const again = await s.resident.post(`/api/service-projects/${projectId}/ratings`, { rating: 1 });
    expect(again.statusCode).toBe(409);
    const bad = await s.resident.post(`/api/service-projects/${projectId}/ratings`, { rating: 6 });
    expect(bad.json().error.details[0].field).toBe('rating');
  });

  it('is hidden from a resident not served and another organization', async () => {
    const other = await signIn(t, ['resident'], [s.w.dwelling2]);
    expect((await other.get(`/api/service-projects/${projectId}`)).statusCode).toBe(404);
    expect((await other.post(`/api/service-projects/${projectId}/ratings`, { rating: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (await other.get('/api/service-projects')).json().items.map((p: { id: string }) => p.id),
    ).not.toContain(projectId);
    expect((await s.otherOrgStaff.get(`/api/service-projects/${projectId}`)).statusCode).toBe(404);
    const outsider = await signIn(t, ['community_staff'], [s.w.tree.otherCommunity]);
    expect((await outsider.get(`/api/service-projects/${projectId}`)).statusCode).toBe(404);
    const mine = (await s.resident.get('/api/service-projects')).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(projectId);
  });

  it('counts milestones on time, ratings and complaints into the credibility shown with its formula', async () => {
    const p = await detail(s.staff);
    // sorted by day: the first was due yesterday and is reached today (late), the second early (on time)
    const [late, early] = p.milestones;
    const reached = await s.orgStaff.post(`/api/service-milestones/${late.id}/done`, {
      version: late.version,
      doneOn: today,
    });
    expect(reached.statusCode, reached.body).toBe(200);
    const stale = await s.orgStaff.post(`/api/service-milestones/${late.id}/done`, {
      version: late.version,
      doneOn: today,
    });
    expect(errorCode(stale)).toBe('conflict');
    await s.orgStaff.post(`/api/service-milestones/${early.id}/done`, {
      version: early.version,
      doneOn: today,
    });
    await s.staff.post(`/api/service-projects/${projectId}/complaints`, { summary: '服务人员迟到' });
    const cred = (await s.staff.get(`/api/services/organizations/${s.org.id}/credibility`)).json();
    // 1 of 2 milestones on time, one rating of 4, one complaint in one project: 40·½ + 60·¾ − 5·1
    expect(cred).toMatchObject({
      projects: 1,
      milestonesDue: 2,
      milestonesOnTime: 1,
      ratingCount: 1,
      complaints: 1,
    });
    expect(cred.parts).toEqual({ onTime: 20, rating: 45, complaints: 5 });
    expect(cred.score).toBe(60);
    expect(cred.weights.onTime).toMatchObject({ value: 40 });
    expect(cred.weights.onTime.sourceZh).toContain('财政部令第102号');
    const fresh = (await s.staff.get(`/api/services/organizations/${s.otherOrg.id}/credibility`)).json();
    expect(fresh.score).toBe(60); // no record: 60% of 40 + 60% of 60
    expect((await s.orgStaff.get(`/api/services/organizations/${s.org.id}/credibility`)).statusCode).toBe(
      403,
    );
  });

  it('is closed by its final evaluation, after which nothing more is reported', async () => {
    const p = await detail(s.staff);
    const byProvider = await s.orgStaff.post(`/api/service-projects/${projectId}/evaluation`, {
      version: p.version,
      grade: 'good',
      evaluation: '按期完成',
    });
    expect(byProvider.statusCode).toBe(403);
    const res = await s.staff.post(`/api/service-projects/${projectId}/evaluation`, {
      version: p.version,
      grade: 'good',
      evaluation: '按期完成，居民满意',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'evaluated',
      evaluationGrade: 'good',
      can: { report: false },
    });
    const late = await s.orgStaff.post(`/api/service-projects/${projectId}/reports`, { note: '补充' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details[0]).toMatchObject({ field: 'status' });
  });
});

describe('matching a need', () => {
  it('ranks the providers serving its category and place by credibility and capacity left, with resources', async () => {
    const need = await raise(s.staff, { householdId: s.household.id, category: 'adaptation' });
    await s.staff.post('/api/services/resources', {
      kind: 'venue',
      name: '社区活动室',
      donorKind: 'department',
      donorName: '社区居委会',
      quantity: 20,
      unit: '小时',
      availableFrom: '2026-01-01',
      placeId: String(s.w.tree.community),
    });
    const res = await s.staff.get(`/api/services/needs/${need.id}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    const ids = m.providers.map((p: { orgId: string }) => p.orgId);
    expect(ids).toEqual(expect.arrayContaining([s.org.id, s.otherOrg.id]));
    const ours = m.providers.find((p: { orgId: string }) => p.orgId === s.org.id);
    expect(ours).toMatchObject({ credibility: 60, capacity: 120, parts: { credibility: 36 } });
    expect(ours.score).toBeCloseTo(ours.parts.credibility + ours.parts.capacity, 5);
    expect(m.providers[0].rank).toBe(1);
    expect(m.weights.credibility.value).toBe(60);
    expect(m.resources.map((r: { name: string }) => r.name)).toContain('社区活动室');
    expect((await s.orgStaff.get(`/api/services/needs/${need.id}/matches`)).statusCode).toBe(403);
    const outsider = await signIn(t, ['community_staff'], [s.w.tree.otherCommunity]);
    expect((await outsider.get(`/api/services/needs/${need.id}/matches`)).statusCode).toBe(404);
  });
});
