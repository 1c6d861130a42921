import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { newFamily } from '../training/training.fixture.ts';
import { importForm, SATISFACTION, workbook } from './surveys.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let outsider: Client;
let formId: string;

/** What one call needs, made fresh by the community's staff; allowed with any of `permissions`. */
interface Call {
  name: string;
  permissions: Permission[];
  ok: number;
  run(c: Client, role: Role): Promise<LightMyRequestResponse>;
}

const key = () => `access_${Math.random().toString(36).slice(2, 10)}`;
const today = new Date().toISOString().slice(0, 10);
const newCampaign = async () => {
  const res = await w.staff.post('/api/surveys/campaigns', {
    formId,
    title: '居民满意度调查',
    placeId: String(w.tree.community),
    audience: 'households',
    opensOn: today,
    closesOn: today,
  });
  return res.json().id as string;
};
const answers = { satisfaction: '4', years: '2' };

const CALLS: Call[] = [
  {
    name: 'import a form',
    permissions: ['survey:write'],
    ok: 201,
    run: async (c) => importForm(c, w.tree.community, await workbook(SATISFACTION(key()))),
  },
  { name: 'list forms', permissions: ['survey:read'], ok: 200, run: (c) => c.get('/api/surveys/forms') },
  {
    name: 'read a form',
    permissions: ['survey:read'],
    ok: 200,
    run: (c) => c.get(`/api/surveys/forms/${formId}`),
  },
  {
    name: 'send a campaign',
    permissions: ['survey:write'],
    ok: 201,
    run: (c) =>
      c.post('/api/surveys/campaigns', {
        formId,
        title: '居民满意度调查',
        placeId: String(w.tree.community),
        audience: 'residents',
        opensOn: today,
        closesOn: today,
      }),
  },
  {
    name: 'list campaigns',
    permissions: ['survey:read', 'survey:respond'],
    ok: 200,
    run: (c) => c.get('/api/surveys/campaigns'),
  },
  {
    name: 'read a campaign',
    permissions: ['survey:read', 'survey:respond'],
    ok: 200,
    run: async (c) => c.get(`/api/surveys/campaigns/${await newCampaign()}`),
  },
  {
    name: 'answer',
    permissions: ['survey:answer', 'survey:respond'],
    ok: 201,
    // a resident answers for the household they live in, a grid worker names the household
    run: async (c, role) =>
      c.post(`/api/surveys/campaigns/${await newCampaign()}/submissions`, {
        householdId: role === 'resident' ? undefined : (await newFamily(t, w)).id,
        answers,
      }),
  },
  {
    name: 'results',
    permissions: ['survey:read'],
    ok: 200,
    run: async (c) => c.get(`/api/surveys/campaigns/${await newCampaign()}/results`),
  },
  {
    name: 'answers workbook',
    permissions: ['survey:read'],
    ok: 200,
    run: async (c) => c.get(`/api/surveys/campaigns/${await newCampaign()}/answers?format=csv`),
  },
];

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  formId = (await importForm(w.staff, w.tree.community, await workbook(SATISFACTION(key())))).json().id;
});
afterAll(() => t.close());

describe('who may call the surveys endpoints', () => {
  it.each(ROLES.map((r) => [r]))(
    '%s: allowed in scope where the matrix says, 403 elsewhere',
    async (role: Role) => {
      const c = await signIn(t, [role], ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);
      for (const call of CALLS) {
        const res = await call.run(c, role);
        if (call.permissions.some((p) => can([role], p)))
          expect(res.statusCode, `${role} ${call.name}: ${res.body}`).toBe(call.ok);
        else {
          expect(res.statusCode, `${role} ${call.name}`).toBe(403);
          expect(errorCode(res)).toBe('forbidden');
        }
      }
    },
  );

  it('answers 404 out of scope, lists and counts none of another community, and refuses answers there', async () => {
    const campaignId = await newCampaign();
    const family = await newFamily(t, w);
    expect(
      (
        await w.staff.post(`/api/surveys/campaigns/${campaignId}/submissions`, {
          householdId: family.id,
          answers,
        })
      ).statusCode,
    ).toBe(403);
    const worker = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect(
      (
        await worker.post(`/api/surveys/campaigns/${campaignId}/submissions`, {
          householdId: family.id,
          answers,
        })
      ).statusCode,
    ).toBe(201);
    const otherWorker = await signIn(t, ['grid_worker'], [w.tree.otherGrid]);
    const otherResident = await signIn(t, ['resident'], [w.tree.otherCommunity]);
    const calls = [
      outsider.get(`/api/surveys/campaigns/${campaignId}`),
      outsider.get(`/api/surveys/campaigns/${campaignId}/results`),
      outsider.get(`/api/surveys/campaigns/${campaignId}/answers?format=xlsx`),
      outsider.get(`/api/surveys/forms/${formId}`),
      otherWorker.post(`/api/surveys/campaigns/${campaignId}/submissions`, {
        householdId: family.id,
        answers,
      }),
      otherResident.post(`/api/surveys/campaigns/${campaignId}/submissions`, { answers }),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    for (const url of ['/api/surveys/campaigns?pageSize=200', '/api/surveys/forms?pageSize=200']) {
      const list = (await outsider.get(url)).json();
      expect(list.items.map((i: { id: string }) => i.id)).not.toContain(
        url.includes('forms') ? formId : campaignId,
      );
    }
    // a county's campaign is seen below it, with only the answers of one's own scope counted
    const county = await signIn(t, ['county_admin'], [w.tree.county]);
    const wide = await county.post('/api/surveys/campaigns', {
      formId,
      title: '全县满意度调查',
      placeId: String(w.tree.county),
      audience: 'households',
      opensOn: today,
      closesOn: today,
    });
    expect(wide.statusCode, wide.body).toBe(201);
    const answered = await worker.post(`/api/surveys/campaigns/${wide.json().id}/submissions`, {
      householdId: (await newFamily(t, w)).id,
      answers,
    });
    expect(answered.statusCode).toBe(201);
    expect((await w.staff.get(`/api/surveys/campaigns/${wide.json().id}`)).json().answered).toBe(1);
    expect((await outsider.get(`/api/surveys/campaigns/${wide.json().id}`)).json().answered).toBe(0);
    const rates = (await outsider.get(`/api/surveys/campaigns/${wide.json().id}/results`)).json().rates;
    expect(rates.map((r: { placeId: string }) => r.placeId)).not.toContain(String(w.tree.grid));
  });
});
