import { describe, expect, it } from 'vitest';
import { errorCode, signIn, type Client } from '../../../test/harness.ts';
import { incidentsWorld, ok as step, reported } from './incidents.fixture.ts';

const w = incidentsWorld();

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
    'hex',
  ),
]);

type Detail = {
  id: string;
  version: number;
  actions: string[];
  steps: { action: string; photoIds: string[] }[];
};

const report = (c: Client, title = '楼道灯不亮') => reported<Detail>(w, { title }, c);
const ok = step<Detail>;
const upload = (c: Client, incidentId: string, body: Buffer, fileName = 'photo.png') => {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  return c.request({
    method: 'POST',
    url: `/api/incidents/${incidentId}/photos`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};
/** Takes an incident from report to closed: accepted, dispatched to the second grid worker who replies, verified and called back by the first. */
const close = async (i: Detail) => {
  i = await ok(w.grid, i, { action: 'accept' });
  i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
  i = await ok(w.worker, i, { action: 'start' });
  i = await ok(w.worker, i, { action: 'reply', note: '已修好' });
  i = await ok(w.grid, i, { action: 'verify' });
  return ok(w.grid, i, { action: 'callback', satisfaction: 'basically_satisfied' });
};

describe('the actions a caller may take', () => {
  it('names for each person only the moves the workflow allows them now', async () => {
    const i = await report(w.resident);
    expect(i.actions).toEqual(['recall']);
    expect((await w.grid.get(`/api/incidents/${i.id}`)).json().actions).toEqual([
      'accept',
      'escalate',
      'classify',
    ]);
    // officials above the handling rung may take it too, and supervise it
    expect((await w.township.get(`/api/incidents/${i.id}`)).json().actions).toEqual([
      'accept',
      'supervise',
      'escalate',
      'classify',
    ]);
    const accepted = await ok(w.grid, i, { action: 'accept' });
    // more time is asked for, never granted to oneself
    expect(accepted.actions).toEqual(['dispatch', 'handle', 'escalate', 'ask_extension', 'classify']);
  });

  it('keeps progress notes on the timeline and wants them written', async () => {
    let i = await report(w.resident);
    i = await ok(w.grid, i, { action: 'accept' });
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    i = await ok(w.worker, i, { action: 'start' });
    expect(i.actions).toContain('progress');
    // the worker asks for more time; granting it is for someone else
    expect(i.actions).toContain('ask_extension');
    expect(i.actions).not.toContain('extend');
    const empty = await w.worker.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'progress',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('note');
    i = await ok(w.worker, i, { action: 'progress', note: '已联系物业' });
    expect(i.steps.at(-1)).toMatchObject({ action: 'progress', note: '已联系物业' });
    expect((await w.resident.get(`/api/incidents/${i.id}`)).json().status).toBe('in_progress');
  });
});

describe('extensions', () => {
  it('lets the assignee ask for more time once at a time, and the handler grant or deny it', async () => {
    const [d] = await w.t.database.query<{ id: number }>(
      `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, '县住建局', 'Housing bureau') RETURNING id`,
      [w.tree.county, `zj${Date.now()}`],
    );
    const officer = await signIn(w.t, ['department_officer'], [w.tree.county]);
    await w.t.database.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [
      officer.userId,
      d.id,
    ]);
    let i = await report(w.resident);
    i = await ok(w.grid, i, { action: 'accept' });
    i = await ok(w.grid, i, { action: 'dispatch', departmentId: String(d.id) });
    const asked = (await officer.get(`/api/incidents/${i.id}`)).json() as Detail;
    expect(asked.actions).toContain('ask_extension');
    expect(asked.actions).not.toContain('extend');
    const noHours = await officer.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'ask_extension',
      note: '等配件',
    });
    expect(noHours.json().error.details[0].field).toBe('hours');
    i = await ok(officer, i, { action: 'ask_extension', hours: 24, note: '等配件' });
    expect(i.actions).not.toContain('ask_extension');
    const again = await officer.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'ask_extension',
      hours: 12,
      note: '再等等',
    });
    expect(errorCode(again)).toBe('conflict');
    const handler = (await w.grid.get(`/api/incidents/${i.id}`)).json() as Detail & { dueAt: string };
    expect(handler.actions).toEqual(expect.arrayContaining(['extend', 'deny_extension']));
    i = await ok(w.grid, handler, { action: 'deny_extension', note: '配件今天能到' });
    expect(i.actions).not.toContain('deny_extension');
    const nothingAsked = await w.grid.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'deny_extension',
      note: '重复',
    });
    expect(errorCode(nothingAsked)).toBe('conflict');
    i = await ok(officer, i, { action: 'ask_extension', hours: 24, note: '配件没到' });
    const granted = (await ok(w.grid, i, { action: 'extend', hours: 24, note: '同意' })) as Detail & {
      dueAt: string;
    };
    expect(new Date(granted.dueAt).getTime() - new Date(handler.dueAt).getTime()).toBe(24 * 3600_000);
    expect(granted.actions).not.toContain('deny_extension');
    expect((await officer.get(`/api/incidents/${i.id}`)).json().actions).toContain('ask_extension');
  });
});

describe('the reporter’s rating', () => {
  it('lets the reporter rate once after closing; the rating replaces the callback’s record', async () => {
    let i = await close(await report(w.resident));
    expect(i.actions).not.toContain('rate');
    const mine = (await w.resident.get(`/api/incidents/${i.id}`)).json() as Detail & {
      ratedAt: string | null;
    };
    expect(mine.actions).toEqual(['rate']);
    expect(mine.ratedAt).toBeNull();
    const noScore = await w.resident.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'rate',
    });
    expect(noScore.json().error.details[0].field).toBe('satisfaction');
    const byOfficial = await w.grid.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'rate',
      satisfaction: 'satisfied',
    });
    expect(errorCode(byOfficial)).toBe('forbidden');
    i = await ok(w.resident, i, { action: 'rate', satisfaction: 'satisfied', note: '修得很快' });
    expect(i).toMatchObject({ satisfaction: 'satisfied', status: 'closed', actions: [] });
    expect((i as Detail & { ratedAt: string }).ratedAt).toBeTruthy();
    expect(i.steps.at(-1)).toMatchObject({ action: 'rate', note: '修得很快' });
    const again = await w.resident.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'rate',
      satisfaction: 'dissatisfied',
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a rating before the case is closed', async () => {
    const i = await report(w.resident);
    const res = await w.resident.post(`/api/incidents/${i.id}/actions`, {
      version: i.version,
      action: 'rate',
      satisfaction: 'satisfied',
    });
    expect(errorCode(res)).toBe('conflict');
  });
});

describe('list filters', () => {
  it('filters by level, supervision and part of the code or title, counting within scope only', async () => {
    const tag = `漏水${Date.now().toString(36)}`;
    const a = await report(w.resident, `${tag} 三楼`);
    await report(w.resident, `${tag} 四楼`);
    await ok(w.township, (await w.township.get(`/api/incidents/${a.id}`)).json(), { action: 'supervise' });
    const list = async (c: Client, query: string) =>
      (await c.get(`/api/incidents?${query}`)).json() as { items: { id: string }[]; total: number };
    const q = encodeURIComponent(tag);
    expect((await list(w.staff, `q=${q}`)).total).toBe(2);
    expect((await list(w.staff, `q=${q}&supervised=true`)).items.map((x) => x.id)).toEqual([a.id]);
    expect((await list(w.staff, `q=${q}&level=grid`)).total).toBe(2);
    expect((await list(w.staff, `q=${q}&level=community`)).total).toBe(0);
    const code = (await w.staff.get(`/api/incidents/${a.id}`)).json().code as string;
    expect((await list(w.staff, `q=${code}`)).items.map((x) => x.id)).toEqual([a.id]);
    expect((await list(w.staff, `q=${encodeURIComponent('%')}`)).total).toBe(0);
    const outsider = await signIn(w.t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await list(outsider, `q=${q}`)).total).toBe(0);
    const neighbour = await signIn(w.t, ['resident'], [w.tree.dwelling]);
    expect((await list(neighbour, `q=${q}`)).total).toBe(0);
    expect((await w.staff.get('/api/incidents?level=street')).statusCode).toBe(400);
    expect((await w.staff.get(`/api/incidents?q=${'x'.repeat(51)}`)).json().error.details[0].field).toBe(
      'querystring.q',
    );
  });
});

describe('assigned to me', () => {
  it('counts for a department officer what was dispatched to their department', async () => {
    const [d] = await w.t.database.query<{ id: number }>(
      `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, '县水务局', 'Water bureau') RETURNING id`,
      [w.tree.county, `sw${Date.now()}`],
    );
    const officer = await signIn(w.t, ['department_officer'], [w.tree.county]);
    await w.t.database.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [
      officer.userId,
      d.id,
    ]);
    let i = await report(w.resident);
    i = await ok(w.grid, i, { action: 'accept' });
    const mine = async (c: Client) =>
      ((await c.get('/api/incidents?assignedToMe=true&pageSize=100')).json().items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await mine(officer)).not.toContain(i.id);
    i = await ok(w.grid, i, { action: 'dispatch', departmentId: String(d.id) });
    expect(await mine(officer)).toContain(i.id);
    expect(await mine(w.grid)).not.toContain(i.id);
  });
});

describe('photos', () => {
  it('goes with the reporter’s report and the handler’s reply, served to those who see the incident', async () => {
    let i = await report(w.resident);
    const res = await upload(w.resident, i.id, PNG, 'lamp.png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', bytes: PNG.length });
    const photoId = res.json().id as string;
    const seen = (await w.grid.get(`/api/incidents/${i.id}`)).json() as Detail;
    expect(seen.steps[0]).toMatchObject({ action: 'report', photoIds: [photoId] });
    const back = await w.grid.get(`/api/incident-photos/${photoId}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(PNG)).toBe(true);
    const neighbour = await signIn(w.t, ['resident'], [w.tree.dwelling]);
    expect(errorCode(await neighbour.get(`/api/incident-photos/${photoId}`))).toBe('not_found');
    const outsider = await signIn(w.t, ['grid_worker'], [w.tree.otherGrid]);
    expect((await outsider.get(`/api/incident-photos/${photoId}`)).statusCode).toBe(404);
    expect((await upload(outsider, i.id, PNG)).statusCode).toBe(404);

    // the grid worker has not acted yet: a photo of theirs has no step to go with
    const early = await upload(w.grid, i.id, PNG);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('file');
    i = await ok(w.grid, i, { action: 'accept' });
    i = await ok(w.grid, i, { action: 'dispatch', assigneeUserId: String(w.worker.userId) });
    i = await ok(w.worker, i, { action: 'start' });
    i = await ok(w.worker, i, { action: 'reply', note: '灯已换新' });
    const reply = await upload(w.worker, i.id, PNG);
    expect(reply.statusCode).toBe(201);
    const detail = (await w.resident.get(`/api/incidents/${i.id}`)).json() as Detail;
    expect(detail.steps.at(-1)).toMatchObject({ action: 'reply', photoIds: [reply.json().id] });
  });

  it('refuses what is not a photo, a photo over 5 MB, a missing file, and photos of a finished case', async () => {
    const i = await report(w.resident);
    const text = await upload(w.resident, i.id, Buffer.from('not a picture'), 'fake.png');
    expect(text.statusCode).toBe(415);
    expect(errorCode(text)).toBe('unsupported_media_type');
    const big = await upload(w.resident, i.id, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(errorCode(big)).toBe('payload_too_large');
    const none = await w.resident.request({
      method: 'POST',
      url: `/api/incidents/${i.id}/photos`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(none.statusCode).toBe(400);
    const closed = await close(i);
    expect(errorCode(await upload(w.resident, closed.id, PNG))).toBe('conflict');
    expect((await w.resident.get(`/api/incidents/${i.id}`)).json().steps[0].photoIds).toEqual([]);
  });

  it('takes at most nine photos a step', async () => {
    const i = await report(w.resident);
    for (let n = 0; n < 9; n++) expect((await upload(w.resident, i.id, PNG)).statusCode).toBe(201);
    const tenth = await upload(w.resident, i.id, PNG);
    expect(tenth.statusCode).toBe(400);
    expect(tenth.json().error.details[0]).toMatchObject({ field: 'file', params: { max: 9 } });
  });
});

describe('dispatch choices', () => {
  it('lists officials over the place and the county’s departments, to the handler only', async () => {
    const [d] = await w.t.database.query<{ id: number }>(
      `INSERT INTO departments (county_id, code, name_zh, name_en) VALUES ($1, $2, '县民政局', 'Civil affairs bureau') RETURNING id`,
      [w.tree.county, `mz${Date.now()}`],
    );
    const i = await report(w.resident);
    const res = await w.grid.get(`/api/incidents/${i.id}/assignees`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().users.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([String(w.worker.userId), String(w.staff.userId)]));
    // nobody dispatches to themselves: the handler is not offered
    expect(ids).not.toContain(String(w.grid.userId));
    expect(ids).not.toContain(String(w.resident.userId));
    expect(res.json().departments).toContainEqual({
      id: String(d.id),
      nameZh: '县民政局',
      nameEn: 'Civil affairs bureau',
    });
    const secretary = await signIn(w.t, ['party_secretary'], [w.tree.community]);
    expect(errorCode(await secretary.get(`/api/incidents/${i.id}/assignees`))).toBe('forbidden');
    expect((await w.resident.get(`/api/incidents/${i.id}/assignees`)).statusCode).toBe(403);
    const outsider = await signIn(w.t, ['grid_worker'], [w.tree.otherGrid]);
    expect(errorCode(await outsider.get(`/api/incidents/${i.id}/assignees`))).toBe('not_found');
  });
});
