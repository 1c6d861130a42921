import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, type Client, type TestApp, testApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';
import { employer, enterprise, familyBy, job } from './jobs.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;
let hr: Client;
let company: { id: string; name: string };

/** A family with an assisted monitoring case, written straight into the tables. */
async function assistedFamily() {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await familyBy(w, w.staff, dwelling);
  const [lead] = await t.database.query<{ id: number }>(
    `INSERT INTO monitoring_leads (household_id, source, status) VALUES ($1, 'visit', 'case') RETURNING id`,
    [Number(h.id)],
  );
  const [c] = await t.database.query<{ id: number }>(
    `INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, decision_due_at,
                                   identified_at, assisted_since)
     SELECT id, $2, residence_path, origin_path, 'assisted', now() + interval '15 days', now() - interval '1 month',
            now() - interval '1 month'
       FROM households WHERE id = $1 RETURNING id`,
    [Number(h.id), lead.id],
  );
  return { members: h.members as { id: string; name: string }[], caseId: String(c.id) };
}

const measure = (caseId: string, type: string) =>
  w.staff.post(`/api/monitoring/cases/${caseId}/measures`, {
    type,
    providerKind: 'department',
    providerName: '靖安镇人社所',
    description: '就业帮扶：推荐岗位',
    startOn: '2026-01-01',
  });

/** The person recommended for a new job of the enterprise, agreed and hired. */
async function hired(personId: string) {
  const posted = (await job(hr, w.tree.community)).json();
  const app = (await worker.post(`/api/jobs/${posted.id}/recommendations`, { personId })).json();
  await worker.post(`/api/job-applications/${app.id}/consent`, { agree: true, version: 1 });
  const res = await hr.post(`/api/job-applications/${app.id}/hire`, {
    startOn: '2026-02-01',
    monthlyWage: 3100,
    kind: 'local_enterprise',
    version: 2,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().recordId as string;
}

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  worker = await workerOf(t, w, w.tree.grid);
  company = await enterprise(w.staff, w.tree.community);
  hr = await employer(t, w.staff, company.id);
});
afterAll(() => t.close());

describe("a hire and the case's employment measure", () => {
  it('links the hire to the running employment measure of the case, which then shows the job', async () => {
    const h = await assistedFamily();
    const health = (await measure(h.caseId, 'health')).json();
    const help = (await measure(h.caseId, 'employment')).json();
    expect(help.placement).toBeNull();
    const recordId = await hired(h.members[0].id);

    const measures = (await w.staff.get(`/api/monitoring/cases/${h.caseId}/measures`)).json();
    expect(measures.find((m: { id: string }) => m.id === health.id).placement).toBeNull();
    expect(measures.find((m: { id: string }) => m.id === help.id)).toMatchObject({
      version: 2,
      placement: {
        recordId,
        personName: h.members[0].name,
        employerName: company.name,
        kind: 'local_enterprise',
        monthlyWage: 3100,
        startOn: '2026-02-01',
        endOn: null,
      },
    });
    const [audited] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.measure.update'
          AND target_id = $1 AND detail->>'employmentRecordId' = $2`,
      [h.caseId, recordId],
    );
    expect(audited.n).toBe(1);

    // a measure shows one job: the next hire of the household finds none left to link
    await hired(h.members[1].id);
    const again = (await w.staff.get(`/api/monitoring/cases/${h.caseId}/measures`)).json();
    expect(again.find((m: { id: string }) => m.id === help.id).placement.recordId).toBe(recordId);
  });

  it('hires a person of a household without a case as before', async () => {
    const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
    const h = await familyBy(w, w.staff, dwelling);
    const recordId = await hired(h.members[0].id);
    const [linked] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM assistance_measures WHERE employment_record_id = $1`,
      [recordId],
    );
    expect(linked.n).toBe(0);
  });
});
