import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { employer, enterprise, job } from './jobs.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let ids: { job: string; enterprise: string; person: string; application: string; place: string };
/** A version no row has: allowed calls are refused as stale and change nothing. */
const consent = { agree: true, version: 999 };

/** Every route of jobs and the job board with the permissions that let a caller through. */
const ENDPOINTS: [string, string, Permission[], () => unknown][] = [
  ['GET', '/api/jobs', ['job:read', 'job:post'], () => undefined],
  [
    'POST',
    '/api/jobs',
    ['job:write', 'job:post'],
    () => ({
      title: '工',
      wageMin: 1,
      wageMax: 2,
      placeId: ids.place,
      headcount: 1,
      enterpriseId: ids.enterprise,
    }),
  ],
  ['GET', '/api/jobs/staff?enterpriseId=:enterprise', ['employment:write'], () => undefined],
  [
    'POST',
    '/api/jobs/staff',
    ['employment:write'],
    () => ({ username: 'nobody', enterpriseId: ids.enterprise }),
  ],
  ['DELETE', '/api/jobs/staff/1?enterpriseId=:enterprise', ['employment:write'], () => undefined],
  ['GET', '/api/jobs/for-person/:person', ['job:read'], () => undefined],
  ['GET', '/api/jobs/:job', ['job:read', 'job:post'], () => undefined],
  ['PATCH', '/api/jobs/:job', ['job:write', 'job:post'], () => ({ title: 'x', version: 999 })],
  ['GET', '/api/jobs/:job/candidates', ['job:read'], () => undefined],
  ['GET', '/api/jobs/:job/applications', ['job:read', 'job:post'], () => undefined],
  ['POST', '/api/jobs/:job/recommendations', ['job:recommend'], () => ({ personId: ids.person })],
  ['GET', '/api/job-applications/:application', ['job:read', 'job:post'], () => undefined],
  ['POST', '/api/job-applications/:application/consent', ['job:recommend'], () => consent],
  [
    'POST',
    '/api/job-applications/:application/interview',
    ['job:write', 'job:post'],
    () => ({ on: '2026-12-20', version: 999 }),
  ],
  [
    'POST',
    '/api/job-applications/:application/hire',
    ['job:write', 'job:post'],
    () => ({ startOn: '2026-12-01', monthlyWage: 3000, kind: 'workshop', version: 999 }),
  ],
  ['POST', '/api/job-applications/:application/reject', ['job:write', 'job:post'], () => ({ version: 999 })],
  ['GET', '/api/job-board', ['job:apply'], () => undefined],
  ['GET', '/api/job-board/applications', ['job:apply'], () => undefined],
  ['POST', '/api/job-board/applications', ['job:apply'], () => ({ jobId: ids.job, personId: ids.person })],
  ['POST', '/api/job-board/applications/:application/consent', ['job:apply'], () => consent],
  ['POST', '/api/job-board/applications/:application/withdraw', ['job:apply'], () => ({ version: 999 })],
  [
    'POST',
    '/api/job-board/applications/:application/phone',
    ['job:apply'],
    () => ({ showPhone: true, version: 999 }),
  ],
];

const url = (u: string) =>
  u
    .replace(':job', ids.job)
    .replace(':enterprise', ids.enterprise)
    .replace(':person', ids.person)
    .replace(':application', ids.application);

const clients = new Map<Role, Client>();

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  const company = await enterprise(w.staff, w.tree.community);
  const hr = await employer(t, w.staff, company.id);
  const posted = (await job(hr, w.tree.community)).json();
  const h = await family(w);
  const rec = (
    await w.staff.post(`/api/jobs/${posted.id}/recommendations`, { personId: h.members[0].id })
  ).json();
  ids = {
    job: posted.id,
    enterprise: company.id,
    person: h.members[0].id,
    application: rec.id,
    place: String(w.tree.community),
  };
  for (const role of ROLES)
    clients.set(role, await signIn(t, [role], ADMIN_ROLES.includes(role) ? [] : [w.tree.community]));
});
afterAll(() => t.close());

describe('every role × every jobs endpoint, from ROLE_PERMISSIONS', () => {
  const cases = ROLES.flatMap((role) =>
    ENDPOINTS.map(
      ([method, path, anyOf, body]) =>
        [role, `${method} ${path}`, anyOf.some((p) => can([role], p)), body] as const,
    ),
  );
  it.each(cases)('%s %s → allowed %s', async (role, route, allowed, body) => {
    const [method, path] = route.split(' ');
    const client = clients.get(role)!;
    const res = await client.request({ method: method as 'GET', url: url(path), payload: body() as object });
    if (!allowed) {
      expect(res.statusCode, res.body).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
    } else expect(res.statusCode, res.body).not.toBe(403);
  });

  it('refuses signed-out callers on every route', async () => {
    for (const [method, path, , body] of ENDPOINTS) {
      const res = await t.app.inject({ method: method as 'GET', url: url(path), payload: body() as object });
      expect(res.statusCode, path).toBe(401);
    }
  });
});
