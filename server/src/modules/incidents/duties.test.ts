import { describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import { act, incidentsWorld, ok as step, reported, type Incident } from './incidents.fixture.ts';

const w = incidentsWorld();

type Detail = { actions: string[]; dueAt: string };

const ok = step<Detail>;
const view = async (c: Client, i: Incident) =>
  (await c.get(`/api/incidents/${i.id}`)).json() as Incident & Detail;
/** The refusal's status and the reason it names. */
const refusal = (res: { statusCode: number; json: () => { error: { details: { reason: string }[] } } }) => [
  res.statusCode,
  res.json().error.details[0].reason,
];
const accepted = async () => ok(w.grid, await reported(w), { action: 'accept' });

describe('separated duties', () => {
  it('refuses a dispatch to oneself, with the reason', async () => {
    const i = await accepted();
    expect(
      refusal(await act(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.grid.userId) })),
    ).toEqual([403, 'nobody dispatches an incident to themselves']);
    await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
  });

  it('keeps whoever replied from verifying or calling back, and does not offer it to them', async () => {
    let i = await accepted();
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    i = await ok(w.worker, i, { action: 'start' });
    i = await ok(w.worker, i, { action: 'reply', note: '已修好' });
    // the worker is a grid official too, so the table names them a handler: the bar is what stops them
    expect(i.actions).not.toContain('verify');
    const why = 'the one who replied cannot verify or call back the same incident';
    expect(refusal(await act(w.worker, i, { action: 'verify' }))).toEqual([403, why]);
    expect((await view(w.grid, i)).actions).toContain('verify');
    i = await ok(w.grid, i, { action: 'verify' });
    expect(i.actions).toContain('callback');
    expect((await view(w.worker, i)).actions).not.toContain('callback');
    expect(refusal(await act(w.worker, i, { action: 'callback', satisfaction: 'satisfied' }))).toEqual([
      403,
      why,
    ]);
    await ok(w.grid, i, { action: 'callback', satisfaction: 'satisfied' });
  });
});

describe('extensions', () => {
  it('refuses an ask after the deadline', async () => {
    let i = await accepted();
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    await w.t.database.query(`UPDATE incidents SET due_at = now() - interval '1 second' WHERE id = $1`, [
      i.id,
    ]);
    expect((await view(w.worker, i)).actions).not.toContain('ask_extension');
    expect(refusal(await act(w.worker, i, { action: 'ask_extension', hours: 24, note: '来不及' }))).toEqual([
      409,
      'an extension must be asked before the deadline',
    ]);
  });

  it('is granted by the level above, never by the one who asked', async () => {
    let i = await accepted();
    expect(refusal(await act(w.grid, i, { action: 'extend', hours: 24, note: '自批' }))).toEqual([
      409,
      'no extension is asked for',
    ]);
    i = await ok(w.grid, i, { action: 'ask_extension', hours: 24, note: '需协调物业' });
    expect(i.actions).not.toContain('extend');
    expect(refusal(await act(w.grid, i, { action: 'extend', hours: 24, note: '自批' }))).toEqual([
      403,
      'an extension is granted by the level above, never by the one who asked',
    ]);
    expect((await view(w.township, i)).actions).toEqual(expect.arrayContaining(['extend', 'deny_extension']));
    await ok(w.township, i, { action: 'extend', hours: 24, note: '同意' });
  });

  it('adds up to at most the category’s cap (336 h: 10 working days)', async () => {
    let i = await accepted();
    const grant = async (hours: number) => {
      i = await ok(w.grid, i, { action: 'ask_extension', hours, note: '等待审批' });
      return act(w.township, i, { action: 'extend', hours, note: '同意' });
    };
    i = (await grant(300)).json();
    i = (await grant(36)).json();
    expect(i.version).toBeGreaterThan(0);
    const over = await grant(1);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({
      field: 'hours',
      reason: 'extensions of this category add up to at most {{hours}} hours',
      params: { hours: 336 },
    });
  });
});
