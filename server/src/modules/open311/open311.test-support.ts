import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { makeTree, signIn, testApp, type Client, type TestApp, type Tree } from '../../../test/harness.ts';
import { names, parseXml, textOf, type XmlNode } from './xml.test-support.ts';

export const V2 = '/open311/v2';
export const REPORTER = { first_name: '三', last_name: '张', phone: '13912345678' };

/** The response as parsed XML, after checking its status and content type. */
export function xml(res: LightMyRequestResponse, status = 200): XmlNode {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  return parseXml(res.body);
}

/** The response as parsed JSON, after checking its status and content type. */
export function json(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json();
}

/** The errors of an XML error document, as [code, description]. */
export function xmlErrors(root: XmlNode) {
  expect(root.name).toBe('errors');
  return root.children.map((e) => {
    expect(e.name).toBe('error');
    expect(names(e)).toEqual(['code', 'description']);
    return [Number(textOf(e, 'code')), textOf(e, 'description')] as const;
  });
}

export interface World {
  t: TestApp;
  tree: Tree;
  grid: Client;
  admin: Client;
  /** A key for the county, and one for the other community only. */
  key: string;
  otherKey: string;
  dwellingCode: string;
  /** A category of this test file, with a required list attribute and an optional string. */
  category: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(format: 'xml' | 'json', fields: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function world(): Promise<World> {
  const t = await testApp();
  const tree = await makeTree(t.database);
  const grid = await signIn(t, ['grid_worker'], [tree.grid]);
  // keys are issued by the county's administrator, for places of the county
  const admin = await signIn(t, ['county_admin'], [tree.county]);
  const issue = async (placeId: number) =>
    (await admin.post('/api/open311/keys', { name: '县12345热线', placeId: String(placeId) })).json().key;
  const [row] = await t.database.query<{ code: string }>('SELECT code FROM places WHERE id = $1', [
    tree.dwelling,
  ]);
  const category = `o${Array.from({ length: 12 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
  await t.database.query(
    `INSERT INTO incident_categories (code, name_zh, name_en, accept_hours, deadline_hours, start_level, attributes, sort)
     VALUES ($1, '井盖缺失', 'Missing manhole cover', 1, 24, 0, $2, 999)`,
    [
      category,
      JSON.stringify({
        SIZE: {
          datatype: 'singlevaluelist',
          description: '井盖大小',
          required: true,
          order: 1,
          values: [
            { key: 'S', name: '小' },
            { key: 'L', name: '大' },
          ],
        },
        NOTE: { datatype: 'string', description: '位置说明', order: 2 },
      }),
    ],
  );
  return {
    t,
    tree,
    grid,
    admin,
    key: await issue(tree.county),
    otherKey: await issue(tree.otherCommunity),
    dwellingCode: row.code,
    category,
    get: (url) => t.app.inject({ method: 'GET', url: `${V2}/${url}` }),
    post: (format, fields) =>
      t.app.inject({
        method: 'POST',
        url: `${V2}/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        payload: new URLSearchParams(fields).toString(),
      }),
    close: async () => {
      // other suites share the catalogue: take the test category out of it again
      await t.database.query('UPDATE incident_categories SET active = false WHERE code = $1', [category]);
      await t.close();
    },
  };
}
