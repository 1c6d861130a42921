import { checkDigit } from '@anju/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, testApp, type TestApp } from '../../../test/harness.ts';
import { idHash } from './identity.ts';
import { member, registryWorld, type RegistryWorld } from './registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

const household = (idNumber: string, dwelling = w.tree.dwelling) =>
  w.staff.post('/api/households', {
    dwellingId: String(dwelling),
    originVillageId: String(w.village),
    relocationYear: 2018,
    resettlementType: 'urban_centralized',
    povertyStatus: 'out_of_poverty',
    members: [member(w, { idNumber })],
  });

/** Searches and exports by a whole ID number look the person up by this blind index. */
const found = async (idNumber: string) =>
  (
    await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE id_hash = $1`, [
      idHash(t.app.cipher, idNumber),
    ])
  )[0].n;

describe('an ID number given in its 15-digit legacy form', () => {
  // 镇雄县 under the 昭通地区 code of before 2001; born 1968-04-12, sequence 035
  const legacy = '532128680412035';
  const first17 = '53212819680412035';
  const upgraded = first17 + checkDigit(first17);

  it('is stored as the upgraded 18-digit number and found by either form', async () => {
    const res = await household(legacy);
    expect(res.statusCode, res.body).toBe(201);
    expect(await found(legacy)).toBe(1);
    expect(await found(upgraded)).toBe(1);
    expect(await found(upgraded.toLowerCase())).toBe(1);
    expect(await found('532128680412037')).toBe(0);
  });

  it('is a duplicate of the same person entered under the 18-digit number', async () => {
    const res = await household(upgraded, w.dwelling2);
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('duplicate');
  });
});

describe('the region part of an ID number', () => {
  it('refuses a code that names no county, with the field and the reason', async () => {
    const first17 = '53069919800506001';
    const res = await household(first17 + checkDigit(first17), w.dwelling2);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'members.0.idNumber', reason: 'the first six digits are not a known region code (GB/T 2260)' },
    ]);
  });
});
