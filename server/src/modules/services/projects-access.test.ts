import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { addProject, PNG, uploadReportPhoto } from './projects.fixture.ts';
import { raise, servicesWorld, type ServicesWorld } from './services.fixture.ts';

let t: TestApp;
let s: ServicesWorld;
let projectId: string;
let milestoneId: string;
let reportId: string;
let photoId: string;
let needId: string;

beforeAll(async () => {
  t = await testApp();
  s = await servicesWorld(t);
  needId = (await raise(s.staff, { householdId: s.household.id })).id;
  projectId = (await addProject(s)).id;
  const p = (await s.staff.get(`/api/service-projects/${projectId}`)).json();
  milestoneId = p.milestones[1].id;
  reportId = (await s.orgStaff.post(`/api/service-projects/${projectId}/reports`, { note: '开班' })).json()
    .id;
  photoId = (await uploadReportPhoto(s.orgStaff, reportId, PNG)).json().id;
});
afterAll(() => t.close());

const readers: Permission[] = ['service:read', 'service:provide', 'service:request'];

/** Every projects endpoint, the permissions any of which lets a caller past the door, and a harmless call. */
const ENDPOINTS: { route: string; anyOf: Permission[]; call(c: Client): ReturnType<Client['get']> }[] = [
  { route: 'GET projects', anyOf: readers, call: (c) => c.get('/api/service-projects') },
  { route: 'GET project', anyOf: readers, call: (c) => c.get(`/api/service-projects/${projectId}`) },
  {
    route: 'POST project',
    anyOf: ['service:write'],
    // a provider that does not offer the service: refused past the door, nothing written
    call: (c) =>
      c.post('/api/service-projects', {
        name: '法援',
        kind: 'charity',
        category: 'legal_aid',
        ownerDepartment: '县司法局',
        placeId: String(s.w.tree.community),
        orgId: s.org.id,
        budget: 1,
        startsOn: '2026-01-01',
        endsOn: '2026-01-02',
      }),
  },
  {
    route: 'POST served',
    anyOf: ['service:write'],
    call: (c) => c.post(`/api/service-projects/${projectId}/served`, { needIds: ['999999999'] }),
  },
  {
    route: 'POST milestone',
    anyOf: ['service:write'],
    call: (c) =>
      c.post(`/api/service-projects/${projectId}/milestones`, { title: '结项', dueOn: '2099-01-01' }),
  },
  {
    route: 'POST milestone done',
    anyOf: ['service:write', 'service:provide'],
    call: (c) =>
      c.post(`/api/service-milestones/${milestoneId}/done`, { version: 999, doneOn: '2026-01-01' }),
  },
  {
    route: 'POST report',
    anyOf: ['service:write', 'service:provide'],
    call: (c) => c.post(`/api/service-projects/${projectId}/reports`, { note: '采购', spent: 999_999 }),
  },
  {
    route: 'POST photo',
    anyOf: ['service:write', 'service:provide'],
    call: (c) => uploadReportPhoto(c, reportId, Buffer.from('x')),
  },
  { route: 'GET photo', anyOf: readers, call: (c) => c.get(`/api/service-project-photos/${photoId}`) },
  {
    route: 'POST rating',
    anyOf: readers,
    call: (c) => c.post(`/api/service-projects/${projectId}/ratings`, { rating: 5 }),
  },
  {
    route: 'POST complaint',
    anyOf: ['service:write'],
    call: (c) => c.post(`/api/service-projects/${projectId}/complaints`, { summary: '上门迟到' }),
  },
  {
    route: 'POST evaluation',
    anyOf: ['service:write'],
    call: (c) =>
      c.post(`/api/service-projects/${projectId}/evaluation`, {
        version: 999,
        grade: 'good',
        evaluation: '好',
      }),
  },
  {
    route: 'GET credibility',
    anyOf: ['service:read'],
    call: (c) => c.get(`/api/services/organizations/${s.org.id}/credibility`),
  },
  {
    route: 'GET matches',
    anyOf: ['service:write'],
    call: (c) => c.get(`/api/services/needs/${needId}/matches`),
  },
];

const scopeOf = (role: Role) => (ADMIN_ROLES.includes(role) ? [] : [s.w.tree.community]);

describe('projects endpoints by role', () => {
  it('let a role past the door exactly when it holds one of the permissions, and change nothing else', async () => {
    // what may succeed past the door: reads and an official's complaint (the project serves nobody to rate it)
    const writes = ['POST complaint'];
    for (const role of ROLES) {
      const c = await signIn(t, [role], scopeOf(role));
      for (const e of ENDPOINTS) {
        const res = await e.call(c);
        const allowed = e.anyOf.some((p) => can([role], p));
        const atDoor = res.statusCode === 403 && /^requires /.test(res.json().error.message);
        expect(atDoor, `${role} ${e.route}: ${res.statusCode}`).toBe(!allowed);
        if (res.statusCode < 300)
          expect(e.route.startsWith('GET') || writes.includes(e.route), `${role} ${e.route}`).toBe(true);
      }
    }
    const p = (await s.staff.get(`/api/service-projects/${projectId}`)).json();
    expect(p).toMatchObject({
      status: 'active',
      ratingCount: 0,
      milestonesDone: 0,
      milestonesTotal: 2,
      servedCount: 0,
    });
    expect(p).toMatchObject({ version: 1, spent: 0 });
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0].photoIds).toEqual([photoId]);
    expect(p.complaints).toHaveLength(ROLES.filter((r) => can([r], 'service:write')).length);
  });

  it('anonymous callers are refused everywhere', async () => {
    for (const url of [
      '/api/service-projects',
      `/api/service-projects/${projectId}`,
      `/api/service-project-photos/${photoId}`,
    ])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('an official out of scope learns nothing: not in lists, counts, photos, credibility or matches', async () => {
    const outsider = await signIn(t, ['community_staff'], [s.w.tree.otherCommunity]);
    const list = (await outsider.get('/api/service-projects')).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(projectId);
    const byOrg = (await outsider.get(`/api/service-projects?orgId=${s.org.id}`)).json();
    expect(byOrg.total).toBe(0);
    for (const url of [
      `/api/service-projects/${projectId}`,
      `/api/service-project-photos/${photoId}`,
      `/api/services/organizations/${s.org.id}/credibility`,
      `/api/services/needs/${needId}/matches`,
    ])
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    const write = await outsider.post(`/api/service-projects/${projectId}/complaints`, { summary: '越权' });
    expect(write.statusCode).toBe(404);
  });

  it("a provider sees only its organization's projects, and not who is served", async () => {
    const theirs = (await s.otherOrgStaff.get('/api/service-projects')).json();
    expect(theirs.items.map((p: { id: string }) => p.id)).not.toContain(projectId);
    const ours = (await s.orgStaff.get(`/api/service-projects/${projectId}`)).json();
    expect(ours.served).toEqual([]);
    expect(ours.can).toMatchObject({ manage: false, report: true, rate: false, evaluate: false });
  });
});
