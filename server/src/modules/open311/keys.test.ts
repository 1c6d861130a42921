import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@anju/contracts';
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
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  admin = await signIn(t, ['county_admin'], [tree.county]);
});
afterAll(() => t.close());

const create = (c: Client, name = '县12345热线') =>
  c.post('/api/open311/keys', { name, placeId: String(tree.county) });
const audited = async (action: string, targetId: string) =>
  (
    await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2',
      [action, targetId],
    )
  )[0].n;

describe('Open311 keys', () => {
  it('shows a new key once and keeps only its SHA-256', async () => {
    const res = await create(admin);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: '县12345热线',
      place: { id: String(tree.county), name: '测试县', level: 'county' },
      revokedAt: null,
    });
    expect(created.key).toMatch(/^anju311_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.database.query<Record<string, unknown>>(
      'SELECT * FROM open311_keys WHERE id = $1',
      [created.id],
    );
    expect(row.key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(Object.values(row).map(String)).not.toContain(created.key);
    const listed = (await admin.get('/api/open311/keys')).json();
    const mine = listed.find((k: { id: string }) => k.id === created.id);
    expect(mine).toEqual({ ...created, key: undefined });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(await audited('open311.key.create', created.id)).toBe(1);
  });

  it('revokes a key once; a second revoke is a conflict, an unknown key not found', async () => {
    const created = (await create(admin, '临时接口')).json();
    const del = (id: string) => admin.request({ method: 'DELETE', url: `/api/open311/keys/${id}` });
    const revoked = await del(created.id);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(errorCode(await del(created.id))).toBe('conflict');
    expect(errorCode(await del('999999999999'))).toBe('not_found');
    expect(await audited('open311.key.revoke', created.id)).toBe(1);
  });

  it('refuses unknown places and bad names naming the field', async () => {
    const res = await admin.post('/api/open311/keys', { name: 'x', placeId: '999999999999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    const far = await admin.post('/api/open311/keys', { name: '热线', placeId: '999999999999' });
    expect(far.json().error.details).toEqual([{ field: 'placeId', reason: 'unknown place' }]);
  });

  it('is minted only for a place the issuer is scoped to, and listed and revoked there only', async () => {
    const township = await signIn(t, ['county_admin'], [tree.community]);
    for (const placeId of [tree.province, tree.county, tree.otherCommunity]) {
      const res = await township.post('/api/open311/keys', { name: '热线', placeId: String(placeId) });
      expect(res.json().error.details, String(placeId)).toEqual([
        { field: 'placeId', reason: 'outside the places you are scoped to' },
      ]);
    }
    const countyKey = (await create(admin, '县热线')).json();
    expect((await township.get('/api/open311/keys')).json()).toEqual([]);
    const del = await township.request({ method: 'DELETE', url: `/api/open311/keys/${countyKey.id}` });
    expect(errorCode(del)).toBe('not_found');
  });

  it('is the county administrator’s alone; the system administrator holds no place to issue for', async () => {
    for (const role of ROLES.filter((r) => r !== 'county_admin')) {
      const c = await signIn(t, [role], role.endsWith('_admin') ? [] : [tree.county]);
      for (const res of [
        await create(c),
        await c.get('/api/open311/keys'),
        await c.request({ method: 'DELETE', url: '/api/open311/keys/1' }),
      ]) {
        expect(res.statusCode, `${role} ${res.body}`).toBe(403);
        expect(errorCode(res)).toBe('forbidden');
      }
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/open311/keys' })).statusCode).toBe(401);
  });
});
