import { randomInt } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '@anju/contracts';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openPglite, openPostgres, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { places, users, userScopes } from '../src/db/schema/index.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { eq } from 'drizzle-orm';
import { regionKnown } from '../src/modules/registry/regions.ts';
import { checkDigit } from '@anju/contracts';

/** A migrated database: in-memory PGlite, or the PostgreSQL of DATABASE_URL (shared, so data is per test). */
export async function testDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const database = url ? await openPostgres(url, 5) : await openPglite();
  await migrate(database);
  return database;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** A fixed key for tests; real deployments take ANJU_SECRET_KEY. */
export const TEST_SECRET = '5a'.repeat(32);

export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = loadConfig({
    rateLimitLogin: 10_000,
    webDist: '/nonexistent',
    runJobs: false,
    secretKey: TEST_SECRET,
    ...overrides,
  });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const unique = () => `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;

export interface Tree {
  province: number;
  county: number;
  township: number;
  community: number;
  grid: number;
  building: number;
  dwelling: number;
  /** A second community under the same township: out of scope for the first one's staff. */
  otherCommunity: number;
  otherGrid: number;
}

/** A private place tree for one test: its own codes, so tests share a database without clashing. */
export async function makeTree(database: Database, tag = unique()): Promise<Tree> {
  const db = database.db;
  const add = async (
    parent: { id: number; path: string; depth: number } | null,
    level: string,
    name: string,
  ) => {
    const [row] = await db
      .insert(places)
      .values({
        parentId: parent?.id ?? null,
        level,
        code: `t${unique()}`.slice(0, 32),
        name,
        initials: '',
        path: 'x',
        depth: parent ? parent.depth + 1 : 0,
      })
      .returning();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await db.update(places).set({ path }).where(eq(places.id, row.id));
    if (parent) {
      const [p] = await db.select().from(places).where(eq(places.id, parent.id));
      await db
        .update(places)
        .set({ childCount: p.childCount + 1 })
        .where(eq(places.id, parent.id));
    }
    return { id: row.id, path, depth: row.depth };
  };
  const province = await add(null, 'province', `测试省${tag}`);
  const city = await add(province, 'city', '测试市');
  const county = await add(city, 'county', '测试县');
  const township = await add(county, 'township', '靖安镇');
  const community = await add(township, 'community', '靖安社区');
  const grid = await add(community, 'grid', '第一网格');
  const building = await add(grid, 'building', '1栋');
  const dwelling = await add(building, 'dwelling', '101室');
  const otherCommunity = await add(township, 'community', '易安社区');
  const otherGrid = await add(otherCommunity, 'grid', '第二网格');
  return {
    province: province.id,
    county: county.id,
    township: township.id,
    community: community.id,
    grid: grid.id,
    building: building.id,
    dwelling: dwelling.id,
    otherCommunity: otherCommunity.id,
    otherGrid: otherGrid.id,
  };
}

/** Adds one place under `parentId` (or a root), keeping path and child count right. */
export async function addPlace(
  database: Database,
  parentId: number | null,
  level: string,
  name: string,
): Promise<number> {
  const db = database.db;
  const parent =
    parentId === null ? undefined : (await db.select().from(places).where(eq(places.id, parentId)))[0];
  const [row] = await db
    .insert(places)
    .values({
      parentId,
      level,
      code: `t${unique()}`.slice(0, 32),
      name,
      initials: '',
      path: 'x',
      depth: parent ? parent.depth + 1 : 0,
    })
    .returning();
  await db
    .update(places)
    .set({ path: `${parent?.path ?? '/'}${row.id}/` })
    .where(eq(places.id, row.id));
  if (parent)
    await db
      .update(places)
      .set({ childCount: parent.childCount + 1 })
      .where(eq(places.id, parent.id));
  return row.id;
}

export const TEST_PASSWORD = 'Anju#2026test';
let cachedHash: Promise<string> | undefined;

export async function makeUser(
  database: Database,
  roles: Role[],
  scopePlaceIds: number[] = [],
  name = `u${unique()}`,
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await database.db
    .insert(users)
    .values({ username: name, displayName: name, passwordHash: await cachedHash, roles })
    .returning();
  if (scopePlaceIds.length)
    await database.db
      .insert(userScopes)
      .values(scopePlaceIds.map((placeId) => ({ userId: row.id, placeId })));
  return { id: row.id, username: name };
}

/** A signed-in client: carries the session cookie and the CSRF header. */
export interface Client {
  username: string;
  userId: number;
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'anju_sid')!;
  const me = res.json();
  const client: Client = {
    username,
    userId: Number(me.id),
    cookie: `anju_sid=${cookie.value}`,
    csrf: me.csrfToken,
    request: (opts) =>
      app.inject({
        ...opts,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(opts.headers ?? {}) },
      }),
    get: (url) => client.request({ method: 'GET', url }),
    post: (url, payload) =>
      client.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) =>
      client.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) =>
      client.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
  };
  return client;
}

/** Signs in a fresh user with these roles and scopes. */
export async function signIn(t: TestApp, roles: Role[], scopePlaceIds: number[] = []): Promise<Client> {
  const u = await makeUser(t.database, roles, scopePlaceIds);
  return login(t.app, u.username);
}

/** Asserts the one error shape and returns its code. */
export function errorCode(res: LightMyRequestResponse): string {
  const body = res.json();
  if (!body?.error?.code || typeof body.error.requestId !== 'string' || !Array.isArray(body.error.details)) {
    throw new Error(`not the error shape: ${res.body}`);
  }
  return body.error.code;
}

/** A valid ID number, random enough that parallel test files never collide. */
/** A valid ID number of 昭阳区 unique for each `k` below 20,000,000 (birth day and sequence from `k`). */
export function uniqueIdNumber(k: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (k % 20_000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `530602${birth.replaceAll('-', '')}${String(Math.floor(k / 20_000)).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

export function randomIdNumber(opts: { birth?: string; sex?: 'male' | 'female' } = {}): string {
  const birth = (
    opts.birth ??
    `${1940 + randomInt(80)}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`
  ).replaceAll('-', '');
  let region: string;
  do region = `53${String(randomInt(10_000)).padStart(4, '0')}`;
  while (!regionKnown(region));
  let seq = randomInt(1000);
  if (opts.sex && (seq % 2 === 1) !== (opts.sex === 'male')) seq = (seq + 1) % 1000;
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
