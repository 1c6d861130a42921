import ExcelJS from 'exceljs';
import type { Role } from '@anju/contracts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { exportPersons } from './persons.export.ts';
import { names, personsWorld } from './persons.fixture.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof personsWorld>>['w'];
let h: Awaited<ReturnType<typeof personsWorld>>['h'];
let outsider: Client;
beforeAll(async () => {
  t = await testApp();
  ({ w, h, outsider } = await personsWorld(t));
});
afterAll(() => t.close());

/** The context of a signed-in user with these roles, for calling a service directly. */
async function ctxOf(roles: Role[], placeId: number): Promise<Ctx> {
  const user = await signIn(t, roles, [placeId]);
  const [place] = await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [
    placeId,
  ]);
  const actor = {
    ...{ userId: user.userId, username: user.username, displayName: user.username, roles },
    ...{
      scopes: [{ id: placeId, path: place.path }],
      csrfToken: '',
      sessionHash: '',
      mustChangePassword: false,
    },
  };
  return { actor, ip: '127.0.0.1', requestId: `test-${user.userId}` };
}

describe('personal data', () => {
  it('masks identifiers and reveals them only on request, audited', async () => {
    const res = await w.staff.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'phone' });
    expect(res.json()).toEqual({ field: 'phone', value: '13812345678' });
    const [row] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.reveal' AND request_id = $1 AND actor_id = $2`,
      [res.headers['x-request-id'], w.staff.userId],
    );
    expect(row.n).toBe(1);
  });

  it('lets no one without person:reveal see the full number', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect(errorCode(await grid.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' }))).toBe(
      'forbidden',
    );
    expect(
      errorCode(await outsider.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' })),
    ).toBe('not_found');
  });

  it('shows health only to roles with person:health', async () => {
    const secretary = await signIn(t, ['party_secretary'], [w.tree.community]);
    const spouse = (await secretary.get(`/api/persons/${h.members[1].id}`)).json();
    expect(spouse.health).toBeUndefined();
    expect((await w.staff.get(`/api/persons/${h.members[1].id}`)).json().health).toBe('serious_illness');
  });

  it('keeps health tags from roles without person:health, in lists, details and filters', async () => {
    const secretary = await signIn(t, ['party_secretary'], [w.tree.community]);
    const tagsOf = async (c: Client) =>
      (await c.get('/api/persons?pageSize=200')).json().items.find((p: { name: string }) => p.name === '王芳')
        .tags;
    expect(await tagsOf(w.staff)).toEqual(['serious_illness']);
    expect(await tagsOf(secretary)).toEqual([]);
    expect((await secretary.get(`/api/persons/${h.members[1].id}`)).json().tags).toEqual([]);
    expect((await secretary.get(`/api/households/${h.id}`)).json().members[1].tags).toEqual([]);
    const filtered = await secretary.get('/api/persons?tags=serious_illness');
    expect(filtered.statusCode).toBe(403);
    expect(filtered.json().error.details[0]).toMatchObject({ field: 'querystring.tags' });
    expect(await names(secretary, 'tags=left_behind_child')).toEqual(['李小龙']);
  });

  it('keeps health tags out of the exports of roles without person:health', async () => {
    // no role exports without person:health today; the export must hold for one that would
    const ctx = await ctxOf(['party_secretary'], w.tree.community);
    const q = { status: 'living', sort: 'household', order: 'asc', tags: undefined } as const;
    let text = '';
    for await (const chunk of await exportPersons(t.database, ctx, q, 'csv')) text += String(chunk);
    expect(text).toContain('王芳');
    expect(text).not.toMatch(/大病|残疾|1982-03-01/);
    await expect(exportPersons(t.database, ctx, { ...q, tags: ['disabled'] }, 'csv')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('shows the birth date in full only with person:reveal, the year to others', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const seen = (await grid.get(`/api/persons/${h.members[0].id}`)).json();
    expect(seen).toMatchObject({ birthDate: '1980', idNumber: expect.stringMatching(/^\d\*{16}[\dX]$/) });
    expect(seen.age).toBe(new Date().getFullYear() - 1980);
    expect((await w.staff.get(`/api/persons/${h.members[0].id}`)).json().birthDate).toBe('1980-05-06');
  });

  it('sorts and filters by age from the year of birth alone for roles without person:reveal', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const age = new Date().getFullYear() - 1980;
    expect(new Set(await names(grid, `ageMin=${age}&ageMax=${age}`))).toEqual(new Set(['李明']));
    const sorted = (await grid.get('/api/persons?sort=age&order=desc&pageSize=200')).json().items;
    const years = sorted.map((p: { birthDate: string }) => p.birthDate);
    expect(years).toEqual([...years].sort());
    expect(years[0]).toBe('1980');
  });

  it('exports masked, without health, and audits the export', async () => {
    const res = await w.staff.request({
      method: 'GET',
      url: '/api/persons/export',
      query: { format: 'xlsx' },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet('人口')!.eachRow((r) => rows.push((r.values as string[]).slice(1).map(String)));
    expect(rows[0]).not.toContain('健康状况');
    expect(rows).toHaveLength(4);
    expect(rows.flat().join()).not.toMatch(/\d{17}[\dX]|13812345678/);
    expect(rows.flat()).toContain('138****5678');
    const [row] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.export' AND request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(row.n).toBe(1);
  });
});

describe('editing', () => {
  it('keeps history before → after and refuses a stale version with 409', async () => {
    const id = h.members[1].id;
    const ok = await w.staff.patch(`/api/persons/${id}`, {
      labourCapacity: 'partial',
      phone: '13900001111',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ labourCapacity: 'partial', phone: '139****1111', version: 2 });
    const stale = await w.staff.patch(`/api/persons/${id}`, { labourCapacity: 'none', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    const history = (await w.staff.get(`/api/persons/${id}/history`)).json();
    expect(history[0]).toMatchObject({
      event: 'update',
      version: 2,
      changes: { labourCapacity: ['full', 'partial'], phone: [null, '139****1111'] },
    });
    expect(Object.keys(history[0].changes).sort()).toEqual(['labourCapacity', 'phone']);
    expect(ok.json()).toMatchObject({
      ethnicity: '07',
      tags: ['serious_illness'],
      health: 'serious_illness',
    });
    expect(JSON.stringify(history)).not.toContain('13900001111');
  });

  it('keeps health and health tags out of the history read without person:health', async () => {
    const id = h.members[1].id;
    const { version } = (await w.staff.get(`/api/persons/${id}`)).json();
    const ok = await w.staff.patch(`/api/persons/${id}`, {
      health: 'disabled',
      disabilityGrade: 2,
      tags: ['serious_illness', 'disabled', 'dibao'],
      version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await w.staff.patch(`/api/persons/${id}`, {
      health: 'chronic_illness',
      version: version + 1,
    });
    expect(again.statusCode, again.body).toBe(200);
    const secretary = await signIn(t, ['party_secretary'], [w.tree.community]);
    for (const url of [`/api/persons/${id}/history`, `/api/households/${h.id}/history`]) {
      const seen = (await secretary.get(url)).json() as {
        personId: string;
        version: number;
        changes: object;
      }[];
      const text = JSON.stringify(seen);
      expect(text, url).not.toMatch(/health|disab|serious_illness|disabilityGrade/);
      const mine = seen.filter((e) => e.personId === id);
      expect(mine.find((e) => e.version === version + 1)?.changes, url).toEqual({ tags: [[], ['dibao']] });
      expect(mine.some((e) => e.version === version + 2)).toBe(false);
      expect(JSON.stringify((await w.staff.get(url)).json())).toContain('disabilityGrade');
    }
  });

  it('lets exactly one of two simultaneous edits win', async () => {
    const id = h.members[2].id;
    const [a, b] = await Promise.all([
      w.staff.patch(`/api/persons/${id}`, { education: 'primary', version: 1 }),
      w.staff.patch(`/api/persons/${id}`, { education: 'junior_secondary', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
