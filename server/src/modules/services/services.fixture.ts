import { randomInt } from 'node:crypto';
import { creditCheckCharacter } from '@anju/contracts';
import { addPlace, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A valid credit code of a social organization (registered with civil affairs: 5…), random enough not to collide. */
export function orgCreditCode(prefix = '51530602') {
  let body = prefix;
  while (body.length < 17) body += CHARS[randomInt(CHARS.length)];
  return body + creditCheckCharacter(body);
}

/**
 * A household of three living in a dwelling of its own, its resident signed in, community staff and
 * an organization serving the community with one staff account; a second organization and its staff.
 */
export interface ServicesWorld {
  w: RegistryWorld;
  household: { id: string; members: { id: string; name: string }[] };
  resident: Client;
  staff: Client;
  org: { id: string };
  orgStaff: Client;
  otherOrg: { id: string };
  otherOrgStaff: Client;
}

export async function createOrg(staff: Client, w: RegistryWorld, over: Record<string, unknown> = {}) {
  const res = await staff.post('/api/services/organizations', {
    creditCode: orgCreditCode(),
    name: `安心社工服务中心${randomInt(1e6)}`,
    kind: 'private_non_enterprise',
    placeId: String(w.tree.community),
    serviceAreas: ['elder_care', 'left_behind_children', 'adaptation', 'health'],
    placesServed: [String(w.tree.community)],
    staffCount: 12,
    socialWorkerCount: 5,
    contactName: '陈主任',
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`organization: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

async function orgStaffOf(t: TestApp, staff: Client, orgId: string) {
  const c = await signIn(t, ['social_org_staff'], []);
  const res = await staff.post(`/api/services/organizations/${orgId}/staff`, { username: c.username });
  if (res.statusCode !== 200) throw new Error(`staff link: ${res.statusCode} ${res.body}`);
  return c;
}

export async function servicesWorld(t: TestApp): Promise<ServicesWorld> {
  const w = await registryWorld(t);
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `服务室${randomInt(1e6)}`);
  const household = await family(w, dwelling);
  const resident = await signIn(t, ['resident'], [dwelling]);
  const org = await createOrg(w.staff, w);
  const otherOrg = await createOrg(w.staff, w);
  return {
    w,
    household,
    resident,
    staff: w.staff,
    org,
    orgStaff: await orgStaffOf(t, w.staff, org.id),
    otherOrg,
    otherOrgStaff: await orgStaffOf(t, w.staff, otherOrg.id),
  };
}

/** Raises a need as `c`, with consent to share everything unless told otherwise. */
export async function raise(c: Client, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/services/needs', {
    category: 'elder_care',
    urgency: 'normal',
    summary: '老人白天无人照看',
    detail: '老伴行动不便，子女外出务工',
    consentShares: ['name', 'address', 'detail'],
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`need: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; status: string; sensitive: boolean };
}

/** Takes a step as `c` from the need's current version. */
export async function stepAs(c: Client, reader: Client, id: string, body: Record<string, unknown>) {
  const now = (await reader.get(`/api/services/needs/${id}`)).json();
  return c.post(`/api/services/needs/${id}/steps`, { version: now.version, ...body });
}
