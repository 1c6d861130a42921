import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { PNG, upload, visit, workerOf } from './visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;
let household: { id: string };

const toIncident = (c: Client, visitId: string, body: Record<string, unknown> = {}) =>
  c.post(`/api/visits/${visitId}/incident`, { categoryCode: 'property_repair', ...body });

const newVisit = async (over: Record<string, unknown> = {}) => {
  const res = await visit(worker, household.id, over);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
};

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  household = await family(w);
  worker = await workerOf(t, w, w.tree.grid);
});
afterAll(() => t.close());

describe('a finding becomes an incident in one step', () => {
  it('reports at the household’s dwelling with the finding and photos, and links the visit', async () => {
    const visitId = await newVisit({ findings: '三楼楼道漏水\n天花板滴水，住户担心漏电' });
    expect((await upload(worker, visitId, PNG, 'leak.png')).statusCode).toBe(201);
    const res = await toIncident(worker, visitId);
    expect(res.statusCode, res.body).toBe(201);
    const { visit: linked, incident } = res.json();
    expect(linked.incidentId).toBe(incident.id);
    expect(linked.becomesIncident).toBe(true);
    expect(incident).toMatchObject({ title: '三楼楼道漏水', status: 'reported' });

    const detail = (await worker.get(`/api/incidents/${incident.id}`)).json();
    expect(detail).toMatchObject({
      categoryCode: 'property_repair',
      source: 'grid_worker',
      description: '三楼楼道漏水\n天花板滴水，住户担心漏电',
      householdId: household.id,
      place: { id: String(w.tree.dwelling) },
    });
    const report = detail.steps.find((s: { action: string }) => s.action === 'report');
    expect(report.photoIds).toHaveLength(1);
    const photo = await worker.get(`/api/incident-photos/${report.photoIds[0]}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(PNG)).toBe(true);

    const audited = await t.database.db.execute(
      sql`SELECT detail FROM audit_log WHERE action = 'visit.incident' AND target_id = ${visitId}`,
    );
    expect(audited.rows).toEqual([{ detail: expect.objectContaining({ incidentId: Number(incident.id) }) }]);
  });

  it('answers a second call with 409 naming the incident the finding already is', async () => {
    const visitId = await newVisit();
    const first = (await toIncident(worker, visitId, { title: '屋顶漏水需维修' })).json();
    const again = await toIncident(worker, visitId);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('conflict');
    expect(again.json().error.details).toEqual([
      { field: 'incidentId', reason: `already incident ${first.incident.id}` },
    ]);
  });

  it('makes one incident of two calls at once', async () => {
    const visitId = await newVisit({ findings: '电梯停运' });
    const answers = await Promise.all([toIncident(worker, visitId), toIncident(worker, visitId)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const made = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM incidents WHERE household_id = ${Number(household.id)} AND title = '电梯停运'`,
    );
    expect(made.rows).toEqual([{ n: 1 }]);
  });

  it.each([
    [{ categoryCode: 'no_such_category' }, 'categoryCode'],
    [{ categoryCode: 'Bad Code' }, 'categoryCode'],
    [{ title: 'x' }, 'title'],
  ])('refuses %j naming the field, and leaves the visit unlinked', async (body, field) => {
    const visitId = await newVisit();
    const res = await toIncident(worker, visitId, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
    expect((await worker.get(`/api/visits/${visitId}`)).json().incidentId).toBeNull();
  });

  it('needs a title when the visit has no findings', async () => {
    const res = await toIncident(worker, await newVisit({ findings: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'title' });
  });
});

describe('who may turn a finding into an incident', () => {
  it('is the grid worker of the grid; others learn nothing', async () => {
    const visitId = await newVisit();
    const staff = await signIn(t, ['community_staff'], [w.tree.community]);
    expect((await toIncident(staff, visitId)).statusCode).toBe(403);
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect((await toIncident(resident, visitId)).statusCode).toBe(403);
    const elsewhere = await signIn(t, ['grid_worker'], [w.tree.otherCommunity]);
    const hidden = await toIncident(elsewhere, visitId);
    expect(hidden.statusCode).toBe(404);
    expect(errorCode(hidden)).toBe('not_found');
    const otherGrid = await addPlace(t.database, w.tree.community, 'grid', '另一网格');
    const notTheirs = await workerOf(t, w, otherGrid);
    expect((await toIncident(notTheirs, visitId)).statusCode).toBe(404);
    const unassigned = await signIn(t, ['grid_worker'], [w.tree.community]);
    expect((await toIncident(unassigned, visitId)).statusCode).toBe(403);
    expect((await worker.get(`/api/visits/${visitId}`)).json().incidentId).toBeNull();
    expect((await toIncident(worker, visitId)).statusCode).toBe(201);
  });
});
