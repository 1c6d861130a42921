import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';
import { recomputeEverywhere } from './zero.service.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  worker = await workerOf(t, w, w.tree.grid);
});
afterAll(() => t.close());

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** A family of two adults, the head in work; `status` its poverty status. */
async function working(status: 'monitored' | 'out_of_poverty' | 'ordinary') {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await family(w, dwelling);
  await t.database.query('UPDATE households SET poverty_status = $1 WHERE id = $2', [status, h.id]);
  const [head, spouse] = h.members as { id: string }[];
  const job = (
    await worker.post('/api/employment/records', {
      personId: head.id,
      kind: 'workshop',
      employerName: '安居帮扶车间',
      monthlyWage: 2600,
      startOn: '2024-03-01',
      source: 'grid_worker',
    })
  ).json();
  return { id: h.id as string, head, spouse, job: job as { id: string; version: number } };
}

const end = (job: { id: string; version: number }) =>
  worker.patch(`/api/employment/records/${job.id}`, { version: job.version, endOn: yesterday() });

const leadsOf = (householdId: string) =>
  t.database.query<{ source: string; status: string; notes: { text: string; reasons: string[] }[] }>(
    `SELECT source, status, detail->'notes' AS notes FROM monitoring_leads WHERE household_id = $1 ORDER BY id`,
    [householdId],
  );

describe('a job lost by a household in or near monitoring', () => {
  it('raises one lead with the unstable-employment risk when the last job ends', async () => {
    const h = await working('monitored');
    expect((await end(h.job)).statusCode).toBe(200);
    const leads = await leadsOf(h.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: 'employment', status: 'open' });
    expect(leads[0].notes[0].reasons).toEqual(['unstable_employment']);
    expect(leads[0].notes[0].text).toContain('安居帮扶车间');
    const listed = (await w.staff.get('/api/monitoring/leads?source=employment&pageSize=100')).json();
    expect(listed.items.some((l: { householdId: string }) => l.householdId === h.id)).toBe(true);
  });

  it('raises a lead for a household screened near the line, even after that lead was dismissed', async () => {
    const h = await working('out_of_poverty');
    await t.database.query(
      `INSERT INTO monitoring_leads (household_id, source, status, year, flags)
       VALUES ($1, 'screening', 'dismissed', $2, '{income_near_line}')`,
      [h.id, new Date().getFullYear()],
    );
    await end(h.job);
    expect((await leadsOf(h.id)).map((l) => [l.source, l.status])).toEqual([
      ['screening', 'dismissed'],
      ['employment', 'open'],
    ]);
  });

  it('does not raise a second lead while one is open', async () => {
    const h = await working('monitored');
    await t.database.query(`INSERT INTO monitoring_leads (household_id, source) VALUES ($1, 'visit')`, [
      h.id,
    ]);
    await end(h.job);
    expect((await leadsOf(h.id)).map((l) => l.source)).toEqual(['visit']);
  });

  it('raises nothing while someone else in the household is in work', async () => {
    const h = await working('monitored');
    await worker.post('/api/employment/records', {
      personId: h.spouse.id,
      kind: 'flexible',
      employerName: '零工',
      monthlyWage: 1500,
      startOn: '2025-01-01',
      source: 'declared',
    });
    await end(h.job);
    expect(await leadsOf(h.id)).toEqual([]);
  });

  it('raises nothing for a household neither monitored nor near the line, nor for an end still ahead', async () => {
    const h = await working('ordinary');
    await end(h.job);
    expect(await leadsOf(h.id)).toEqual([]);
    const later = await working('monitored');
    const ahead = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await worker.patch(`/api/employment/records/${later.job.id}`, {
      version: later.job.version,
      endOn: ahead,
    });
    expect(await leadsOf(later.id)).toEqual([]);
  });
});

describe('a last job reaching its end date overnight', () => {
  /** The job's end set to yesterday behind Anju's back, as days passing does to an end date typed earlier. */
  const endedOvernight = (job: { id: string }) =>
    t.database.query('UPDATE employment_records SET end_on = $1 WHERE id = $2', [yesterday(), job.id]);

  it('raises the lead once in the nightly recompute, as the system', async () => {
    const h = await working('monitored');
    await endedOvernight(h.job);
    expect(await leadsOf(h.id)).toEqual([]);
    expect((await recomputeEverywhere(t.database)).leads).toBeGreaterThanOrEqual(1);
    const leads = await leadsOf(h.id);
    expect(leads.map((l) => [l.source, l.status])).toEqual([['employment', 'open']]);
    expect(leads[0].notes[0]).toMatchObject({ reasons: ['unstable_employment'], by: 'system' });
    const [audited] = await t.database.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_log WHERE action = 'monitoring.lead' AND target_id = $1`,
      [h.id],
    );
    expect(audited.actor_name).toBe('system');
    await recomputeEverywhere(t.database);
    expect(await leadsOf(h.id)).toHaveLength(1);
  });

  it('raises none while the household already has an open lead, nor again on the next night once dismissed', async () => {
    const h = await working('monitored');
    await t.database.query(`INSERT INTO monitoring_leads (household_id, source) VALUES ($1, 'visit')`, [
      h.id,
    ]);
    await endedOvernight(h.job);
    await recomputeEverywhere(t.database);
    expect((await leadsOf(h.id)).map((l) => l.source)).toEqual(['visit']);
    await t.database.query(`UPDATE monitoring_leads SET status = 'dismissed' WHERE household_id = $1`, [
      h.id,
    ]);
    await recomputeEverywhere(t.database);
    expect((await leadsOf(h.id)).map((l) => l.source)).toEqual(['visit']);
  });

  it('raises none for a household flagged long after its last job ended, nor one neither monitored nor near the line', async () => {
    const ordinary = await working('ordinary');
    await endedOvernight(ordinary.job);
    const idle = await working('monitored');
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await t.database.query('UPDATE employment_records SET end_on = $1 WHERE id = $2', [
      monthAgo,
      idle.job.id,
    ]);
    await recomputeEverywhere(t.database);
    const flagged = await t.database.query<{ household_id: string }>(
      'SELECT household_id FROM zero_employment_households WHERE household_id IN ($1, $2) AND cleared_on IS NULL',
      [ordinary.id, idle.id],
    );
    expect(flagged).toHaveLength(2);
    expect(await leadsOf(ordinary.id)).toEqual([]);
    expect(await leadsOf(idle.id)).toEqual([]);
  });
});
