import type { Role } from '@anju/contracts';
import { hashPassword } from '../platform/auth/password.ts';
import type { Database } from '../db/client.ts';
import { defineSeeder, type GeneratedPlaces } from './registry.ts';
import { DEMO_TOWNSHIP } from './scales.ts';

/** The password of every demo account (demo and seeded databases only). */
export const DEMO_PASSWORD = 'Anju@2026';

type ScopeAt =
  'province' | 'county' | 'township' | 'originCounty' | 'community' | 'grid' | 'building' | 'dwelling' | null;

/**
 * One account per role, username = role code, scoped where that role works; an official of the
 * county the demo community's people came from, who sees them from the origin (hukou) side; and an
 * administrator of the whole province, who keeps what every county shares (party levels, the
 * incident categories' limits).
 */
export const DEMO_ACCOUNTS: { username: string; role: Role; displayName: string; scope: ScopeAt }[] = [
  {
    username: 'county_admin',
    role: 'county_admin',
    displayName: '昭阳区搬迁后续扶持办 李主任',
    scope: 'county',
  },
  {
    username: 'province_admin',
    role: 'county_admin',
    displayName: '云南省乡村振兴局 赵处长',
    scope: 'province',
  },
  {
    username: 'department_officer',
    role: 'department_officer',
    displayName: '昭阳区人社局 王科长',
    scope: 'county',
  },
  {
    username: 'township_officer',
    role: 'township_officer',
    displayName: '靖安镇政府 张镇长',
    scope: 'township',
  },
  {
    username: 'origin_officer',
    role: 'township_officer',
    displayName: '迁出地 {county}乡村振兴局 孙干事',
    scope: 'originCounty',
  },
  {
    username: 'community_staff',
    role: 'community_staff',
    displayName: '社区居委会 陈主任',
    scope: 'community',
  },
  {
    username: 'party_secretary',
    role: 'party_secretary',
    displayName: '社区党委 刘书记',
    scope: 'community',
  },
  { username: 'grid_worker', role: 'grid_worker', displayName: '网格员 杨丽', scope: 'grid' },
  { username: 'party_member', role: 'party_member', displayName: '党员中心户 赵大哥', scope: 'building' },
  {
    username: 'social_org_staff',
    role: 'social_org_staff',
    displayName: '阳光社工服务中心 周社工',
    scope: 'community',
  },
  { username: 'enterprise_hr', role: 'enterprise_hr', displayName: '帮扶车间 吴经理', scope: 'county' },
  { username: 'enterprise_hr_2', role: 'enterprise_hr', displayName: '合作社 钱主管', scope: 'county' },
  { username: 'resident', role: 'resident', displayName: '居民 马大妈', scope: 'dwelling' },
  { username: 'system_admin', role: 'system_admin', displayName: '系统管理员', scope: null },
  { username: 'security_admin', role: 'security_admin', displayName: '安全管理员', scope: null },
  { username: 'audit_admin', role: 'audit_admin', displayName: '安全审计员', scope: null },
];

async function placeIdByCode(database: Database, code: string): Promise<number> {
  const [row] = await database.query<{ id: number }>(`SELECT id::int8 AS id FROM places WHERE code = $1`, [
    code,
  ]);
  if (!row) throw new Error(`place ${code} is not loaded`);
  return Number(row.id);
}

/** Creates the demo accounts that do not exist yet; returns the usernames created. */
export async function createDemoAccounts(database: Database, places: GeneratedPlaces): Promise<string[]> {
  const community = places.demoCommunity;
  if (!community) throw new Error('demo accounts need the demo community: run the places seeder first');
  const grid = community.grids[0];
  const building = grid.buildings.find((b) => b.occupiedDwellingIds.length > 0)!;
  // the county most of the community came from, unless that is the community's own county
  const originCounty =
    community.originCountyCodes.find((c) => c.slice(0, 6) !== DEMO_TOWNSHIP.slice(0, 6)) ??
    community.originCountyCodes[0];
  const [{ name: county }] = await database.query<{ name: string }>(
    `SELECT name FROM places WHERE code = $1`,
    [originCounty],
  );
  const scopes: Record<Exclude<ScopeAt, null>, number> = {
    province: await placeIdByCode(database, DEMO_TOWNSHIP.slice(0, 2).padEnd(12, '0')),
    county: await placeIdByCode(database, DEMO_TOWNSHIP.slice(0, 6).padEnd(12, '0')),
    township: await placeIdByCode(database, DEMO_TOWNSHIP),
    originCounty: await placeIdByCode(database, originCounty),
    community: community.id,
    grid: grid.id,
    building: building.id,
    dwelling: building.occupiedDwellingIds[0],
  };
  const created: string[] = [];
  // scrypt runs on the thread pool: hash all at once.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, account] of DEMO_ACCOUNTS.entries()) {
    const [user] = await database.query<{ id: number }>(
      `INSERT INTO users (username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4::text[])
       ON CONFLICT (username) DO NOTHING RETURNING id::int8 AS id`,
      [account.username, account.displayName.replace('{county}', county), hashes[i], [account.role]],
    );
    if (!user) continue;
    if (account.scope)
      await database.query(`INSERT INTO user_scopes (user_id, place_id) VALUES ($1, $2)`, [
        user.id,
        scopes[account.scope],
      ]);
    created.push(account.username);
  }
  return created;
}

export const demoAccountsSeeder = defineSeeder({
  name: 'demo-accounts',
  dependsOn: ['places'],
  async run(ctx) {
    const created = await createDemoAccounts(ctx.database, ctx.places);
    if (created.length) ctx.log(`demo accounts: ${created.join(', ')} (password ${DEMO_PASSWORD})`);
  },
});
