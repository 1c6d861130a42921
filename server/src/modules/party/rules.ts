import type { PartyOrgCheck, PartyOrgKind } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { normsWithSources } from '../../platform/norms.ts';

type Norm = Awaited<ReturnType<typeof normsWithSources>>[number];

export interface PartyRules {
  fullMembersMin: Norm;
  branchMembersMax: Norm;
  committeeMembersMin: Norm;
}

export async function partyRules(conn: Conn): Promise<PartyRules> {
  const [fullMembersMin, branchMembersMax, committeeMembersMin] = await normsWithSources(
    conn,
    'party_full_members_min',
    'party_branch_members_max',
    'party_committee_members_min',
  );
  return { fullMembersMin, branchMembersMax, committeeMembersMin };
}

const check = (code: PartyOrgCheck['code'], norm: Norm): PartyOrgCheck => ({
  code,
  limit: norm.value,
  sourceZh: norm.sourceZh,
  sourceEn: norm.sourceEn,
});

/**
 * Where an organization stands against the party's rules. A committee, general branch or branch needs
 * the minimum of full members; a branch over the branch maximum should become a general branch, and
 * a branch or general branch from the committee minimum up may become a primary committee. Groups and
 * party-member households are parts of a branch and are not checked.
 */
export function checksOf(
  kind: PartyOrgKind,
  members: number,
  fullMembers: number,
  rules: PartyRules,
): PartyOrgCheck[] {
  if (kind === 'group' || kind === 'household') return [];
  const found: PartyOrgCheck[] = [];
  if (fullMembers < rules.fullMembersMin.value)
    found.push(check('too_few_full_members', rules.fullMembersMin));
  if (kind !== 'committee' && members >= rules.committeeMembersMin.value)
    found.push(check('committee_possible', rules.committeeMembersMin));
  else if (kind === 'branch' && members > rules.branchMembersMax.value)
    found.push(check('general_branch_due', rules.branchMembersMax));
  return found;
}
