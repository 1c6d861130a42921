import { describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import { incidentsWorld, ok, reported } from './incidents.fixture.ts';
import { sweep } from './sweep.ts';

const w = incidentsWorld();

type Told = { kind: string; params: { title: string }; link: string; readAt: string | null };
const told = async (c: Client) =>
  (await c.get('/api/notifications')).json() as { items: Told[]; unread: number };

describe('the reporter is told of each step of their report', () => {
  it('accepted, someone on it, more time, handled and done: in their own bell, linked to the report', async () => {
    const title = `路灯不亮${Date.now()}`;
    let i = await reported(w, { title });
    const before = (await told(w.resident)).unread;
    i = await ok(w.grid, i, { action: 'accept' });
    expect((await told(w.resident)).unread).toBe(before + 1);
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    i = await ok(w.worker, i, { action: 'start' });
    i = await ok(w.worker, i, { action: 'ask_extension', hours: 24, note: '等配件' });
    i = await ok(w.grid, i, { action: 'extend', hours: 24, note: '同意' });
    i = await ok(w.worker, i, { action: 'reply', note: '已更换灯泡' });
    i = await ok(w.grid, i, { action: 'verify' });
    await ok(w.grid, i, { action: 'callback', satisfaction: 'satisfied' });
    const mine = (await told(w.resident)).items.filter((n) => n.params.title === title);
    expect(mine.map((n) => n.kind).reverse()).toEqual([
      'report_accepted',
      'report_in_hand',
      'report_extended',
      'report_replied',
      'report_closed',
    ]);
    expect(new Set(mine.map((n) => n.link))).toEqual(new Set([`/incidents/${i.id}`]));
    expect((await told(w.resident)).unread).toBe(before + 5);
  });

  it('is told when the work goes back to be handed to someone else, and when it is passed up', async () => {
    const title = `楼道堆物${Date.now()}`;
    let i = await reported(w, { title });
    i = await ok(w.grid, i, { action: 'accept' });
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    i = await ok(w.worker, i, { action: 'return', note: '不在我的片区' });
    await ok(w.grid, i, { action: 'escalate' });
    const kinds = (await told(w.resident)).items.filter((n) => n.params.title === title).map((n) => n.kind);
    expect(kinds.reverse()).toEqual([
      'report_accepted',
      'report_in_hand',
      'report_returned',
      'report_escalated',
    ]);
  });

  it('tells nobody else, and never tells officials of their own steps on what they reported', async () => {
    const title = `井盖松动${Date.now()}`;
    const i = await reported(w, { title }, w.grid);
    await ok(w.grid, i, { action: 'accept' });
    const mine = (await told(w.grid)).items.filter((n) => n.params.title === title);
    expect(mine.map((n) => n.kind)).toEqual(['incident_reported']);
    const resident = (await told(w.resident)).items.filter((n) => n.params.title === title);
    expect(resident).toEqual([]);
  });

  it('is told when nobody accepted it in time and it went up by itself', async () => {
    const title = `垃圾未清运${Date.now()}`;
    const i = await reported(w, { title });
    await sweep(w.t.database, new Date(Date.parse(i.reportedAt) + 3 * 3600_000));
    const mine = (await told(w.resident)).items.filter((n) => n.params.title === title);
    expect(mine.map((n) => [n.kind, n.link])).toEqual([['report_escalated', `/incidents/${i.id}`]]);
  });
});
