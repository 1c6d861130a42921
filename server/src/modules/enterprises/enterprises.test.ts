import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { creditCheckCharacter } from '@anju/contracts';
import {
  errorCode,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let staff: Client;
let outsider: Client;
let township: Client;
let partyMember: Client;

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A valid credit code of a company, random enough that test files sharing a database never collide. */
function creditCode(prefix = '91530602') {
  let body = prefix;
  while (body.length < 17) body += CHARS[randomInt(CHARS.length)];
  return body + creditCheckCharacter(body);
}

const create = (c: Client, over: Record<string, unknown> = {}) =>
  c.post('/api/enterprises', {
    creditCode: creditCode(),
    name: `靖安服饰${randomInt(1e6)}`,
    kind: 'company',
    placeId: String(tree.community),
    address: '安置区工业园3号',
    contactName: '王经理',
    contactPhone: '13812345678',
    ...over,
  });

const fieldError = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details[0];

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  staff = await signIn(t, ['community_staff'], [tree.community]);
  outsider = await signIn(t, ['community_staff'], [tree.otherCommunity]);
  township = await signIn(t, ['township_officer'], [tree.township]);
  partyMember = await signIn(t, ['party_member'], [tree.community]);
});
afterAll(() => t.close());

describe('enterprises', () => {
  it('registers an enterprise on a place in scope, the phone masked and sealed, audited', async () => {
    const res = await create(staff, { creditCode: ` ${creditCode().toLowerCase()} ` });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      kind: 'company',
      placeId: String(tree.community),
      placeName: '靖安社区',
      contactPhone: '138****5678',
      workshop: null,
      version: 1,
    });
    expect(e.creditCode).toMatch(/^[0-9A-Z]{18}$/);
    const [stored] = (
      await t.database.db.execute(
        sql`SELECT contact_phone_cipher FROM enterprises WHERE id = ${Number(e.id)}`,
      )
    ).rows as { contact_phone_cipher: string }[];
    expect(stored.contact_phone_cipher).not.toContain('13812345678');
    expect(t.app.cipher.decrypt(stored.contact_phone_cipher)).toBe('13812345678');
    const [logged] = (
      await t.database.db.execute(
        sql`SELECT action FROM audit_log WHERE target_type = 'enterprise' AND target_id = ${e.id}`,
      )
    ).rows as { action: string }[];
    expect(logged.action).toBe('enterprise.create');
  });

  it('is read in scope and missing outside it, in reads, lists, counts and search', async () => {
    const e = (await create(staff)).json();
    expect((await staff.get(`/api/enterprises/${e.id}`)).statusCode).toBe(200);
    expect((await township.get(`/api/enterprises/${e.id}`)).statusCode).toBe(200);
    const hidden = await outsider.get(`/api/enterprises/${e.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(errorCode(hidden)).toBe('not_found');
    expect((await outsider.patch(`/api/enterprises/${e.id}`, { name: 'x', version: 1 })).statusCode).toBe(
      404,
    );

    const search = `/api/enterprises?q=${encodeURIComponent(e.name)}`;
    expect((await staff.get(search)).json()).toMatchObject({ total: 1, items: [{ id: e.id }] });
    expect((await township.get(search)).json().total).toBe(1);
    expect((await outsider.get(search)).json()).toMatchObject({ total: 0, items: [] });
    expect((await outsider.get(`/api/enterprises?q=${e.creditCode}`)).json().total).toBe(0);
    const all = (await outsider.get('/api/enterprises?pageSize=200')).json();
    expect(all.items.some((x: { id: string }) => x.id === e.id)).toBe(false);
    expect(all.total).toBe(all.items.length);
    for (const placeId of [tree.community, 999_999_999])
      expect((await outsider.get(`/api/enterprises?placeId=${placeId}`)).json()).toMatchObject({
        total: 0,
        items: [],
      });
  });

  it("keeps to a grid worker's own grid: the community's enterprises are outside it", async () => {
    const e = (await create(staff)).json();
    const worker = await signIn(t, ['grid_worker'], [tree.grid]);
    expect((await worker.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/enterprises?q=${e.creditCode}`)).json().total).toBe(0);
    const res = await create(worker);
    expect(res.statusCode).toBe(400);
    expect(fieldError(res)).toMatchObject({ field: 'placeId', reason: 'unknown place' });
  });

  it('refuses callers without the permission', async () => {
    expect((await partyMember.get('/api/enterprises')).statusCode).toBe(403);
    expect((await partyMember.get('/api/enterprises/workshop-types')).statusCode).toBe(403);
    expect((await create(partyMember)).statusCode).toBe(403);
    const reader = await signIn(t, ['department_officer'], [tree.township]);
    expect((await reader.get('/api/enterprises')).statusCode).toBe(200);
    expect((await create(reader)).statusCode).toBe(403);
  });

  it('names the reason of a bad credit code', async () => {
    const good = creditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [string, string][] = [
      [good.slice(0, 17), 'must have 18 characters'],
      [good.slice(0, 17) + 'I', 'may hold only digits and capital letters other than I, O, Z, S and V'],
      [`91A${good.slice(3)}`, 'characters 3 to 8 must be the region code'],
      [wrongCheck, 'check character does not match'],
    ];
    for (const [code, reason] of cases) {
      const res = await create(staff, { creditCode: code });
      expect(res.statusCode, code).toBe(400);
      expect(fieldError(res)).toMatchObject({ field: 'creditCode', reason });
    }
  });

  it('registers a credit code once', async () => {
    const code = creditCode();
    expect((await create(staff, { creditCode: code })).statusCode).toBe(201);
    const again = await create(outsider, { creditCode: code, placeId: String(tree.otherCommunity) });
    expect(again.statusCode).toBe(409);
    expect(fieldError(again)).toMatchObject({ field: 'creditCode', reason: 'already registered' });
    const other = (await create(staff)).json();
    const moved = await staff.patch(`/api/enterprises/${other.id}`, { creditCode: code, version: 1 });
    expect(moved.statusCode).toBe(409);
    expect(fieldError(moved)).toMatchObject({ field: 'creditCode', reason: 'already registered' });
  });

  it('puts an enterprise only on a county, township or community of the scope', async () => {
    for (const placeId of [tree.otherCommunity, tree.township, 999_999_999]) {
      const res = await create(staff, { placeId: String(placeId) });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res)).toMatchObject({ field: 'placeId', reason: 'unknown place' });
    }
    const onGrid = await create(staff, { placeId: String(tree.grid) });
    expect(onGrid.statusCode).toBe(400);
    expect(fieldError(onGrid)).toMatchObject({
      field: 'placeId',
      reason: 'must be a county, township or community',
    });
    expect((await create(township, { placeId: String(tree.township) })).statusCode).toBe(201);
    const badPhone = await create(staff, { contactPhone: '12' });
    expect(fieldError(badPhone)).toMatchObject({ field: 'contactPhone' });
  });

  it('changes from the version read and refuses a stale one; the phone stays unless given', async () => {
    const e = (await create(staff)).json();
    const renamed = await staff.patch(`/api/enterprises/${e.id}`, { name: '靖安服饰二厂', version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '靖安服饰二厂', version: 2, contactPhone: '138****5678' });
    const stale = await staff.patch(`/api/enterprises/${e.id}`, { name: '旧名', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(fieldError(stale)).toMatchObject({ field: 'version', reason: 'stale' });
    const cleared = await staff.patch(`/api/enterprises/${e.id}`, { contactPhone: null, version: 2 });
    expect(cleared.json()).toMatchObject({ contactPhone: null, version: 3 });
    const away = await staff.patch(`/api/enterprises/${e.id}`, {
      placeId: String(tree.otherCommunity),
      version: 3,
    });
    expect(fieldError(away)).toMatchObject({ field: 'placeId', reason: 'unknown place' });
    const [logged] = (
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'enterprise.update' AND target_id = ${e.id}`,
      )
    ).rows as { n: number }[];
    expect(logged.n).toBe(2);
  });
});

describe('workshops', () => {
  it('reads the five workshop types and the recognition criterion with its source', async () => {
    const res = await staff.get('/api/enterprises/workshop-types');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.types.map((d: { code: string }) => d.code)).toEqual([
      'factory_floor',
      'home_based',
      'farming_base',
      'cooperative',
      'ecommerce_services',
    ]);
    expect(body.minimumEmployed).toBe(5);
    expect(body.sourceZh).toContain('5 名以上');
  });

  it('makes an enterprise a workshop of a known type and filters by it', async () => {
    const tag = `车间${randomInt(1e6)}`;
    const w = await create(staff, {
      name: `${tag}甲`,
      kind: 'farmer_cooperative',
      workshopType: 'home_based',
    });
    expect(w.statusCode, w.body).toBe(201);
    expect(w.json().workshop).toEqual({
      type: 'home_based',
      minimumEmployed: 5,
      employed: 0,
      recognised: false,
    });
    await create(staff, { name: `${tag}乙` });
    const unknown = await create(staff, { workshopType: 'space_station' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldError(unknown)).toMatchObject({ field: 'workshopType', reason: 'not a workshop type' });

    const names = async (filter: string) =>
      (await staff.get(`/api/enterprises?q=${encodeURIComponent(tag)}&${filter}`))
        .json()
        .items.map((e: { name: string }) => e.name)
        .sort();
    expect(await names('workshop=any')).toEqual([`${tag}甲`]);
    expect(await names('workshop=home_based')).toEqual([`${tag}甲`]);
    expect(await names('workshop=factory_floor')).toEqual([]);
    expect(await names('workshop=none')).toEqual([`${tag}乙`]);
    expect(await names('kind=farmer_cooperative')).toEqual([`${tag}甲`]);
    expect(await names(`placeId=${tree.community}`)).toEqual([`${tag}甲`, `${tag}乙`].sort());

    const id = w.json().id;
    const plain = await staff.patch(`/api/enterprises/${id}`, { workshopType: null, version: 1 });
    expect(plain.json().workshop).toBeNull();
  });
});
