import { randomInt } from 'node:crypto';
import { creditCheckCharacter } from '@anju/contracts';
import { login, makeUser, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import { family, type RegistryWorld } from '../registry/registry.fixture.ts';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A valid credit code, random enough that test files sharing a database never collide. */
export function creditCode(prefix = '91530602') {
  let body = prefix;
  while (body.length < 17) body += CHARS[randomInt(CHARS.length)];
  return body + creditCheckCharacter(body);
}

/** An enterprise registered by `c` on `placeId`. */
export async function enterprise(c: Client, placeId: number) {
  const res = await c.post('/api/enterprises', {
    creditCode: creditCode(),
    name: `靖安服饰${randomInt(1e6)}`,
    kind: 'company',
    placeId: String(placeId),
    address: '安置区工业园3号',
    contactName: '王经理',
    contactPhone: '13812345678',
  });
  if (res.statusCode !== 201) throw new Error(`enterprise: ${res.body}`);
  return res.json() as { id: string; name: string };
}

/** An enterprise_hr account signed in and linked by `keeper` to the enterprise. */
export async function employer(t: TestApp, keeper: Client, enterpriseId: string) {
  const hr = await signIn(t, ['enterprise_hr']);
  const res = await keeper.post('/api/jobs/staff', { username: hr.username, enterpriseId });
  if (res.statusCode !== 200) throw new Error(`link: ${res.body}`);
  return hr;
}

/** A resident signed in for the household living in `dwelling`. */
export async function residentOf(t: TestApp, dwelling: number) {
  const u = await makeUser(t.database, ['resident'], [dwelling]);
  return login(t.app, u.username);
}

/** A family in `dwelling`, registered by `staff` (whose scope holds the dwelling). */
export const familyBy = (w: RegistryWorld, staff: Client, dwelling: number) =>
  family({ ...w, staff }, dwelling);

export const job = (c: Client, placeId: number, over: Record<string, unknown> = {}) =>
  c.post('/api/jobs', {
    title: '缝纫工',
    wageMin: 2800,
    wageMax: 4000,
    placeId: String(placeId),
    headcount: 5,
    skills: ['缝纫'],
    housing: true,
    commuteNote: '厂车接送',
    ...over,
  });
