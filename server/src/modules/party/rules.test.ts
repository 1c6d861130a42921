import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIdNumber, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { member, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { checksOf, type PartyRules } from './rules.ts';

const norm = (value: number) => ({ value, sourceZh: '', sourceEn: '' });
const rules: PartyRules = {
  fullMembersMin: norm(3),
  branchMembersMax: norm(50),
  committeeMembersMin: norm(100),
};
const codes = (kind: Parameters<typeof checksOf>[0], members: number, full = members) =>
  checksOf(kind, members, full, rules).map((c) => c.code);

describe("the party's rules on an organization's size", () => {
  it('asks three full members of a branch; probationary members do not count', () => {
    expect(codes('branch', 3, 2)).toEqual(['too_few_full_members']);
    expect(codes('branch', 3)).toEqual([]);
    expect(codes('committee', 2)).toEqual(['too_few_full_members']);
    expect(codes('general_branch', 2)).toEqual(['too_few_full_members']);
  });
  it('calls a branch of more than 50 to become a general branch', () => {
    expect(codes('branch', 50)).toEqual([]);
    expect(codes('branch', 51)).toEqual(['general_branch_due']);
    expect(codes('branch', 99)).toEqual(['general_branch_due']);
  });
  it('lets a branch or general branch of 100 or more become a primary committee', () => {
    expect(codes('branch', 100)).toEqual(['committee_possible']);
    expect(codes('general_branch', 99)).toEqual([]);
    expect(codes('general_branch', 100)).toEqual(['committee_possible']);
    expect(codes('committee', 150)).toEqual([]);
  });
  it('does not check party groups and party-member households, parts of a branch', () => {
    expect(codes('group', 1)).toEqual([]);
    expect(codes('household', 1)).toEqual([]);
  });
});

describe('an organization as served', () => {
  let t: TestApp;
  let w: RegistryWorld;
  let branchId: string;
  let people: string[];
  beforeAll(async () => {
    t = await testApp();
    w = await registryWorld(t);
    await w.staff.post('/api/party/orgs', { placeId: String(w.tree.community), name: '靖安社区党委' });
    branchId = (
      await w.staff.post('/api/party/orgs', { placeId: String(w.tree.grid), name: '第一网格党支部' })
    ).json().id;
    const res = await w.staff.post('/api/households', {
      dwellingId: String(w.tree.dwelling),
      originVillageId: String(w.village),
      relocationYear: 2018,
      resettlementType: 'urban_centralized',
      povertyStatus: 'out_of_poverty',
      members: ['head', 'spouse', 'child'].map((relation, i) =>
        member(w, {
          name: ['张一', '李二', '张三'][i],
          relation: relation as 'head',
          partyMember: true,
          idNumber: randomIdNumber({ birth: `19${70 + i}-01-02` }),
        }),
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    people = res.json().members.map((m: { id: string }) => m.id);
  });
  afterAll(() => t.close());

  it('counts full members apart and flags a branch with fewer than three, with the rule', async () => {
    const res = await w.staff.put(`/api/party/orgs/${branchId}/members`, {
      personIds: people,
      probationaryIds: [people[2]],
    });
    expect(res.statusCode, res.body).toBe(200);
    const branch = res.json();
    expect(branch).toMatchObject({ kind: 'branch', memberCount: 3, fullMemberCount: 2 });
    expect(branch.members.find((m: { personId: string }) => m.personId === people[2]).probationary).toBe(
      true,
    );
    expect(branch.checks).toEqual([expect.objectContaining({ code: 'too_few_full_members', limit: 3 })]);
    expect(branch.checks[0].sourceZh).toContain('中国共产党章程');

    const full = (await w.staff.put(`/api/party/orgs/${branchId}/members`, { personIds: people })).json();
    expect(full).toMatchObject({ fullMemberCount: 3, checks: [] });
    // the committee counts the members of the organizations under it
    const tree = (await w.staff.get(`/api/communities/${w.tree.community}/party`)).json();
    expect(tree[0]).toMatchObject({ kind: 'committee', memberCount: 3, fullMemberCount: 3, checks: [] });
  });

  it('refuses probationary members who are not among the members set', async () => {
    const res = await w.staff.put(`/api/party/orgs/${branchId}/members`, {
      personIds: people.slice(0, 2),
      probationaryIds: [people[2]],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('probationaryIds');
  });

  it('keeps the counts from those outside the community', async () => {
    const outsider = await signIn(t, ['party_secretary'], [w.tree.otherCommunity]);
    expect((await outsider.get(`/api/communities/${w.tree.community}/party`)).statusCode).toBe(404);
    const res = await outsider.put(`/api/party/orgs/${branchId}/members`, { personIds: [] });
    expect(res.statusCode).toBe(404);
  });
});
