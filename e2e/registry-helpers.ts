import { checkDigit } from '@anju/contracts';
import { baseUrl, PASSWORD } from './browser.ts';

/** A signed-in API session of a demo account, for looking up real codes and preparing data. */
export async function apiAs(username: string) {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  };
}

export interface PlaceRow {
  id: string;
  level: string;
  code: string | null;
  name: string;
  childCount: number;
}

/** A valid 18-character ID number (GB 11643) of someone born on `birth` (YYYYMMDD) in Zhaoyang. */
export function idNumber(birth: string, sequence: number, male: boolean): string {
  const seq = String(sequence % 100).padStart(2, '0') + String(male ? 1 : 2);
  const first17 = `530602${birth}${seq}`;
  return first17 + checkDigit(first17);
}

/** The same number with a wrong check digit. */
export const withBadCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/** A name unlikely to be in the demo data, in Chinese characters (the registry accepts letters only). */
export function uniqueName(): string {
  const given = '安宁和顺祥瑞康泰丰盈福禄喜乐嘉佳';
  const n = Date.now() + Math.floor(Math.random() * 1e6);
  return `测${given[n % given.length]}${given[Math.floor(n / 16) % given.length]}${given[Math.floor(n / 256) % given.length]}`;
}

/**
 * A new household of one member in a new dwelling of the demo community's first building, its
 * head born on `birth` with a name and ID number of the journey's own (`tag`, a few letters, keeps
 * the dwelling's code and the number apart from other journeys').
 */
export async function householdWithHead(tag: string, birth: string) {
  const head = { name: uniqueName(), idNumber: idNumber(birth, Number.parseInt(tag.slice(-3), 36), true) };
  const staff = await apiAs('community_staff');
  const [community] = await staff.get<PlaceRow[]>('/places/roots');
  const grids = await staff.get<{ items: PlaceRow[] }>(`/places/${community.id}/children`);
  const buildings = await staff.get<{ items: PlaceRow[] }>(`/places/${grids.items[0].id}/children`);
  const dwelling = await staff.post<PlaceRow>('/places', {
    parentId: buildings.items[0].id,
    level: 'dwelling',
    code: `E2E${tag}`,
    name: `单元${tag}室`,
  });
  const county = await apiAs('county_admin');
  const [village] = await county.get<PlaceRow[]>('/places/search?q=村&levels=village&limit=1');
  const household = await staff.post<{ id: string; householdNo: string }>('/households', {
    dwellingId: dwelling.id,
    originVillageId: village.id,
    relocationYear: 2019,
    resettlementType: 'urban_centralized',
    povertyStatus: 'out_of_poverty',
    members: [
      {
        ...head,
        relation: 'head',
        labourCapacity: 'full',
        health: 'healthy',
        tags: [],
        partyMember: false,
        hukouPlaceId: village.id,
      },
    ],
  });
  return { head, householdId: household.id, householdNo: household.householdNo };
}
