import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName, payFor } from '@anju/contracts';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let outsider: Client;
let county: Client;
let partyMember: Client;

const detail = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details[0];

async function newFamily() {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${randomInt(1e6)}`);
  const h = await family(w, dwelling);
  const [head, spouse, child] = h.members as { id: string; name: string }[];
  return { id: h.id as string, head, spouse, child };
}

const newPost = async (c: Client = w.staff, over: Record<string, unknown> = {}) => {
  const res = await c.post('/api/employment/posts', {
    placeId: String(w.tree.community),
    postType: 'cleaning',
    title: `3栋保洁${randomInt(1e6)}`,
    termStart: '2025-01-01',
    termEnd: '2030-12-31',
    monthlySubsidy: 1200,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

const assign = (postId: string, personId: string, version: number, startOn = '2026-02-10', c = w.staff) =>
  c.post(`/api/employment/posts/${postId}/holder`, { personId, startOn, version });

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
  county = await signIn(t, ['county_admin'], [w.tree.county]);
  partyMember = await signIn(t, ['party_member'], [w.tree.community]);
});
afterAll(() => t.close());

describe('public-welfare posts', () => {
  it('opens a post on a community in scope, audited, seen in scope only', async () => {
    const post = await newPost();
    expect(post).toMatchObject({
      postType: 'cleaning',
      monthlySubsidy: 1200,
      holder: null,
      holdings: [],
      mayKeep: true,
    });
    const audits = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'public_welfare_post' AND target_id = $1`,
      [post.id],
    );
    expect(audits.map((a) => a.action)).toEqual(['employment.post_create']);
    const mine = (await w.staff.get('/api/employment/posts?pageSize=200')).json();
    expect(mine.items.some((p: { id: string }) => p.id === post.id)).toBe(true);
    const theirs = (await outsider.get('/api/employment/posts?pageSize=200')).json();
    expect(theirs.items.some((p: { id: string }) => p.id === post.id)).toBe(false);
    expect((await outsider.get(`/api/employment/posts/${post.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.patch(`/api/employment/posts/${post.id}`, { title: 'x', version: 1 })).statusCode,
    ).toBe(404);
    // the county reads it but does not keep it
    const read = await county.get(`/api/employment/posts/${post.id}`);
    expect(read.json()).toMatchObject({ mayKeep: false });
    expect(
      (await county.patch(`/api/employment/posts/${post.id}`, { title: 'x', version: 1 })).statusCode,
    ).toBe(403);
    expect((await partyMember.get('/api/employment/posts')).statusCode).toBe(403);
    // a grid worker's scope is their grid: the community's posts are outside it
    const worker = await workerOf(t, w, w.tree.grid);
    const theirs2 = (await worker.get('/api/employment/posts?pageSize=200')).json();
    expect(theirs2.total).toBe(0);
    expect((await worker.get(`/api/employment/posts/${post.id}`)).statusCode).toBe(404);
    const payroll = (await worker.get('/api/employment/posts/payroll?month=2026-03')).json();
    expect(payroll.rows).toEqual([]);
    const types = (await w.staff.get('/api/employment/posts/types')).json();
    expect(types.map((d: { code: string }) => d.code)).toEqual([
      'cleaning',
      'security',
      'elder_care',
      'forest_ranger',
      'road_maintenance',
      'other',
    ]);
  });

  it('refuses bad posts naming the field', async () => {
    const bad = async (over: Record<string, unknown>, field: string, reason: string) => {
      const res = await w.staff.post('/api/employment/posts', {
        placeId: String(w.tree.community),
        postType: 'cleaning',
        title: '保洁',
        termStart: '2025-01-01',
        termEnd: '2025-12-31',
        monthlySubsidy: 800,
        ...over,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
      expect(detail(res)).toMatchObject({ field, reason });
    };
    await bad({ monthlySubsidy: -1 }, 'monthlySubsidy', 'must not be negative');
    await bad({ termEnd: '2024-12-31' }, 'termEnd', 'is before termStart');
    await bad({ postType: 'astronaut' }, 'postType', 'not a post type');
    await bad({ placeId: String(w.tree.grid) }, 'placeId', 'must be a community');
    await bad({ placeId: String(w.tree.otherCommunity) }, 'placeId', 'unknown place');
    const post = await newPost();
    const res = await w.staff.patch(`/api/employment/posts/${post.id}`, {
      termEnd: '2024-01-01',
      version: 1,
    });
    expect(detail(res)).toMatchObject({ field: 'termEnd', reason: 'is before termStart' });
  });

  it('assigns a holder: the employment record in the same transaction, the zero-employment flag cleared', async () => {
    const h = await newFamily();
    await w.staff.post('/api/employment/zero/recompute');
    const before = (await w.staff.get(`/api/households/${h.id}/employment`)).json();
    expect(before.zeroEmployment).toMatchObject({ clearedOn: null });

    const post = await newPost();
    const res = await assign(post.id, h.head.id, post.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().holder).toMatchObject({
      personId: h.head.id,
      startOn: '2026-02-10',
      endOn: null,
      shouldExit: [],
    });
    const after = (await w.staff.get(`/api/households/${h.id}/employment`)).json();
    const head = after.members.find((m: { personId: string }) => m.personId === h.head.id);
    expect(head.employed).toBe(true);
    expect(head.records).toEqual([
      expect.objectContaining({
        kind: 'public_welfare_post',
        monthlyWage: 1200,
        startOn: '2026-02-10',
        endOn: null,
      }),
    ]);
    expect(after.zeroEmployment.clearedOn).not.toBeNull();

    // the same version again is stale; a second holder or a second post of the same person are refused
    expect((await assign(post.id, h.spouse.id, post.version)).statusCode).toBe(409);
    const second = await assign(post.id, h.spouse.id, post.version + 1);
    expect(detail(second)).toMatchObject({ field: 'personId', reason: 'the post has a holder' });
    const other = await newPost();
    const twice = await assign(other.id, h.head.id, other.version);
    expect(detail(twice)).toMatchObject({ field: 'personId', reason: 'already holds a public-welfare post' });

    // a new subsidy is the holder's wage from then on, not typed twice
    const changed = await w.staff.patch(`/api/employment/posts/${post.id}`, {
      monthlySubsidy: 1500,
      version: post.version + 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const wage = (await w.staff.get(`/api/households/${h.id}/employment`)).json();
    expect(
      wage.members.find((m: { personId: string }) => m.personId === h.head.id).records[0].monthlyWage,
    ).toBe(1500);
    const stale = await w.staff.patch(`/api/employment/posts/${post.id}`, {
      title: 'x',
      version: post.version + 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a holder outside scope, not labour-capable, or starting outside the term', async () => {
    const h = await newFamily();
    const theirs = await newPost(outsider, { placeId: String(w.tree.otherCommunity) });
    const out = await assign(theirs.id, h.head.id, theirs.version, '2026-02-10', outsider);
    expect(out.statusCode).toBe(404);
    expect(detail(out)).toMatchObject({ field: 'personId', reason: 'unknown person' });
    const post = await newPost();
    const child = await assign(post.id, h.child.id, post.version);
    expect(detail(child)).toMatchObject({
      field: 'personId',
      reason: 'is not of working age with labour capacity',
    });
    const early = await assign(post.id, h.head.id, post.version, '2024-06-01');
    expect(detail(early)).toMatchObject({ field: 'startOn', reason: "is outside the post's term" });
    const records = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM employment_records WHERE person_id = $1',
      [h.head.id],
    );
    expect(records[0].n).toBe(0);
  });

  it('keeps monthly attendance within the month and the days held', async () => {
    const h = await newFamily();
    const post = (await assign((await newPost()).id, h.head.id, 1)).json();
    const holding = post.holder.id;
    const put = (body: Record<string, unknown>) =>
      w.staff.put(`/api/employment/post-holdings/${holding}/attendance`, body);

    expect(detail(await put({ month: '2026-02', daysWorked: 29 }))).toMatchObject({
      field: 'daysWorked',
      reason: 'more than the {{days}} days of the month',
    });
    // held from 10 February: 19 days of that month
    expect(detail(await put({ month: '2026-02', daysWorked: 20 }))).toMatchObject({
      field: 'daysWorked',
      reason: 'more than the {{days}} days the post was held that month',
    });
    expect(detail(await put({ month: '2026-01', daysWorked: 3 }))).toMatchObject({
      field: 'month',
      reason: 'the holder did not hold the post that month',
    });
    expect(detail(await put({ month: '2026-02', daysWorked: -1 }))).toMatchObject({ field: 'daysWorked' });
    expect(detail(await put({ month: '2026-13', daysWorked: 1 }))).toMatchObject({ field: 'month' });

    const saved = await put({ month: '2026-02', daysWorked: 15 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      daysInMonth: 28,
      rows: [{ holdingId: holding, daysHeld: 19, daysWorked: 15, version: 1 }],
    });
    expect((await put({ month: '2026-02', daysWorked: 16 })).statusCode).toBe(409);
    expect((await put({ month: '2026-02', daysWorked: 16, version: 1 })).json().rows[0]).toMatchObject({
      daysWorked: 16,
      version: 2,
    });
    expect((await put({ month: '2026-02', daysWorked: 17, version: 1 })).statusCode).toBe(409);
    expect(
      (
        await outsider.put(`/api/employment/post-holdings/${holding}/attendance`, {
          month: '2026-02',
          daysWorked: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await county.put(`/api/employment/post-holdings/${holding}/attendance`, {
          month: '2026-02',
          daysWorked: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await outsider.get(`/api/employment/posts/${post.id}/attendance?month=2026-02`)).statusCode).toBe(
      404,
    );
  });

  it('lists the payroll of a month by masked name, pro-rata by attendance, and exports it', async () => {
    const h = await newFamily();
    const post = (
      await assign((await newPost(w.staff, { monthlySubsidy: 1400 })).id, h.spouse.id, 1, '2026-03-01')
    ).json();
    await w.staff.put(`/api/employment/post-holdings/${post.holder.id}/attendance`, {
      month: '2026-03',
      daysWorked: 31,
    });
    const theirs = await newPost(outsider, { placeId: String(w.tree.otherCommunity) });

    const list = (await w.staff.get('/api/employment/posts/payroll?month=2026-03')).json();
    const row = list.rows.find((r: { postId: string }) => r.postId === post.id);
    expect(row).toMatchObject({
      maskedName: maskName(h.spouse.name),
      daysWorked: 31,
      monthlySubsidy: 1400,
      amount: 1400,
    });
    expect(JSON.stringify(list)).not.toContain(h.spouse.name);
    expect(list.rows.some((r: { postId: string }) => r.postId === theirs.id)).toBe(false);
    expect(payFor(1400, 15, '2026-03')).toBe(677.42);
    expect(payFor(1400, null, '2026-03')).toBe(0);
    const none = (await outsider.get('/api/employment/posts/payroll?month=2026-03')).json();
    expect(none.rows.some((r: { postId: string }) => r.postId === post.id)).toBe(false);

    const res = await w.staff.get('/api/employment/posts/payroll.xlsx?month=2026-03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(maskName(h.spouse.name));
    expect(cells.join('|')).not.toContain(h.spouse.name);
    expect(cells.join('|')).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    const audits = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'employment.post_payroll_export'`,
    );
    expect(audits[0].n).toBeGreaterThan(0);
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect((await partyMember.get('/api/employment/posts/payroll.xlsx?month=2026-03')).statusCode).toBe(403);
  });

  it('flags holders who should exit and ends a holding with its employment record', async () => {
    const h = await newFamily();
    const post = (await assign((await newPost()).id, h.head.id, 1)).json();
    const job = await w.staff.post('/api/employment/records', {
      personId: h.head.id,
      kind: 'local_enterprise',
      employerName: '靖安服饰',
      monthlyWage: 3000,
      startOn: '2026-05-01',
      source: 'declared',
    });
    expect(job.statusCode).toBe(201);
    const flagged = (await w.staff.get('/api/employment/posts?status=should_exit&pageSize=200')).json();
    expect(flagged.items.find((p: { id: string }) => p.id === post.id).holder.shouldExit).toEqual([
      'other_job',
    ]);
    await t.database.query(`UPDATE persons SET status = 'deceased' WHERE id = $1`, [h.head.id]);
    const dead = (await w.staff.get(`/api/employment/posts/${post.id}`)).json();
    expect(dead.holder.shouldExit).toEqual(['deceased', 'other_job']);
    await t.database.query(`UPDATE persons SET status = 'living' WHERE id = $1`, [h.head.id]);
    // the post's record ended from the record form: the holding is flagged, not left as it was
    const view0 = (await w.staff.get(`/api/households/${h.id}/employment`)).json();
    const postJob = view0.members
      .find((m: { personId: string }) => m.personId === h.head.id)
      .records.find((r: { kind: string }) => r.kind === 'public_welfare_post');
    const cut = await w.staff.patch(`/api/employment/records/${postJob.id}`, {
      endOn: '2026-04-30',
      version: postJob.version,
    });
    expect(cut.statusCode, cut.body).toBe(200);
    const recordEnded = (await w.staff.get(`/api/employment/posts/${post.id}`)).json();
    expect(recordEnded.holder.shouldExit).toEqual(['other_job', 'record_ended']);

    const end = (body: Record<string, unknown>) =>
      w.staff.post(`/api/employment/post-holdings/${post.holder.id}/end`, body);
    const early = await end({ endOn: '2026-01-01', reason: 'found_other_work', version: 1 });
    expect(detail(early)).toMatchObject({ field: 'endOn', reason: 'is before startOn' });
    expect(detail(await end({ endOn: '2026-04-30', reason: 'bored', version: 1 }))).toMatchObject({
      field: 'reason',
    });
    expect(
      (
        await outsider.post(`/api/employment/post-holdings/${post.holder.id}/end`, {
          endOn: '2026-04-30',
          reason: 'resigned',
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const ended = await end({ endOn: '2026-04-30', reason: 'found_other_work', version: 1 });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().holder).toBeNull();
    expect(ended.json().holdings[0]).toMatchObject({
      endOn: '2026-04-30',
      endReason: 'found_other_work',
      shouldExit: [],
    });
    expect((await end({ endOn: '2026-04-30', reason: 'resigned', version: 2 })).statusCode).toBe(409);
    const view = (await w.staff.get(`/api/households/${h.id}/employment`)).json();
    const records = view.members.find((m: { personId: string }) => m.personId === h.head.id).records;
    expect(records.find((r: { kind: string }) => r.kind === 'public_welfare_post')).toMatchObject({
      endOn: '2026-04-30',
      current: false,
    });
    const vacant = (await w.staff.get('/api/employment/posts?status=vacant&pageSize=200')).json();
    expect(vacant.items.some((p: { id: string }) => p.id === post.id)).toBe(true);
  });
});
