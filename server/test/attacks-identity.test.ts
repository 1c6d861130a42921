import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, login, signIn, testApp, type TestApp } from './harness.ts';
import { checkDigit, type Person } from '@anju/contracts';
import { buildApp } from '../src/app.ts';
import { createCipher } from '../src/platform/crypto.ts';
import { ageOn } from '../src/modules/registry/identity.ts';
import { FIND_LIMIT } from '../src/modules/registry/registry.routes.ts';
import { family, registryWorld, type RegistryWorld } from '../src/modules/registry/registry.fixture.ts';

/** Attacks of the security review on identity: ID and phone numbers rebuilt from what is shown, and kept out of the request log; through the real HTTP stack and database. */
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('an ID number rebuilt from what a grid worker sees', () => {
  let w: RegistryWorld;
  let head: { id: string; idNumber: string };
  beforeAll(async () => {
    w = await registryWorld(t);
    const h = await family(w);
    const id = h.members[0].id as string;
    const revealed = await w.staff.post(`/api/persons/${id}/reveal`, { field: 'idNumber' });
    head = { id, idNumber: revealed.json().value };
  });

  /** Every valid number that fits what is shown: mask, birth date (or year) with the age, sex, region. */
  function candidates(shown: Person, region: string): string[] {
    const out: string[] = [];
    const year = Number(shown.birthDate.slice(0, 4));
    for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      // a year alone comes with the age by years, which tells nothing more
      if (!day.startsWith(shown.birthDate) || (shown.birthDate.length > 4 && ageOn(day) !== shown.age))
        continue;
      for (let seq = shown.sex === 'male' ? 1 : 0; seq < 1000; seq += 2) {
        const first17 = `${region}${day.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
        const id = first17 + checkDigit(first17);
        if ([...shown.idNumber].every((c, i) => c === '*' || c === id[i])) out.push(id);
      }
    }
    return out;
  }

  it('leaves thousands of candidates, even knowing the exact county code', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const shown = (await grid.get(`/api/persons/${head.id}`)).json() as Person;
    expect(shown.birthDate).toMatch(/^\d{4}$/);
    expect(shown.age).toBe(new Date().getFullYear() - Number(shown.birthDate));
    const found = candidates(shown, head.idNumber.slice(0, 6));
    expect(found).toContain(head.idNumber);
    expect(found.length).toBeGreaterThan(1000);
  });

  it('gives the grid worker no exact search to confirm a candidate with, in a body or an address', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const search = await grid.post('/api/persons/search', { idNumber: head.idNumber });
    expect(search.statusCode).toBe(403);
    expect(errorCode(search)).toBe('forbidden');
    const total = async (query: string) => (await grid.get(`/api/persons?${query}`)).json().total;
    const wrong = head.idNumber.slice(0, 14) + '0000';
    expect(await total(`idNumber=${head.idNumber}`)).toBe(await total(`idNumber=${wrong}`));
    expect(await total(`idTail=${head.idNumber.slice(-4)}`)).toBe(await total(''));
  });

  it('limits a clerk trying candidates: each search audited without the number, then refused', async () => {
    const clerk = await signIn(t, ['community_staff'], [w.tree.community]);
    const shown = (await clerk.get(`/api/persons/${head.id}`)).json() as Person;
    const tries = candidates({ ...shown, birthDate: shown.birthDate.slice(0, 4) }, head.idNumber.slice(0, 6));
    const statuses: number[] = [];
    for (const idNumber of tries.slice(0, FIND_LIMIT.max + 1)) {
      statuses.push((await clerk.post('/api/persons/search', { idNumber })).statusCode);
    }
    expect(statuses.slice(0, FIND_LIMIT.max).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const audits = await t.database.query<{ detail: string }>(
      `SELECT detail::text FROM audit_log WHERE action = 'person.search' AND actor_id = $1`,
      [clerk.userId],
    );
    expect(audits).toHaveLength(FIND_LIMIT.max);
    expect(audits.map((a) => a.detail).join()).not.toMatch(/\d{6}/);
  });

  it('a copy of the database without the key cannot test a guess against the blind index', async () => {
    const [row] = await t.database.query<{ id_hash: string }>('SELECT id_hash FROM persons WHERE id = $1', [
      head.id,
    ]);
    const unkeyed = (v: string) => createHash('sha256').update(v).digest('base64url').slice(0, 32);
    const otherKey = createCipher(randomBytes(32));
    const guesses = [head.idNumber, `id_number\u0000${head.idNumber}`];
    for (const g of guesses) {
      expect(unkeyed(g)).not.toBe(row.id_hash);
      expect(otherKey.blindIndex('id_number', g)).not.toBe(row.id_hash);
    }
    expect(t.app.cipher.blindIndex('id_number', head.idNumber)).toBe(row.id_hash);
  });
});

describe('a phone number found by trying the hidden digits', () => {
  it('is refused to grid workers and limited for clerks, never confirming more than a reveal would', async () => {
    const w = await registryWorld(t);
    await family(w);
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect((await grid.post('/api/persons/search', { phone: '13812345678' })).statusCode).toBe(403);
    const clerk = await signIn(t, ['community_staff'], [w.tree.community]);
    const statuses: number[] = [];
    for (let n = 0; n <= FIND_LIMIT.max; n++) {
      const phone = `138${String(n).padStart(4, '0')}5678`;
      statuses.push((await clerk.post('/api/persons/search', { phone })).statusCode);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([429]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('ID and phone numbers in the request log', () => {
  it('never writes a whole ID or phone number, sent in a body or in an address', async () => {
    const w = await registryWorld(t);
    const h = await family(w);
    const idNumber = (
      await w.staff.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' })
    ).json().value as string;
    const lines: string[] = [];
    const logged = await buildApp(t.config, t.database, { logStream: { write: (l) => lines.push(l) } });
    await logged.ready();
    try {
      const clerk = await login(logged, w.staff.username);
      expect((await clerk.post('/api/persons/search', { idNumber, phone: '13812345678' })).json().total).toBe(
        1,
      );
      await clerk.get(`/api/persons?idNumber=${idNumber}&phone=13812345678`);
      await clerk.get(`/api/persons?q=13812345678&under=${w.tree.community}`);
      const log = lines.join('');
      expect(log).toContain('/api/persons/search');
      expect(log).toContain(`under=${w.tree.community}`);
      expect(log).not.toContain(idNumber);
      expect(log).not.toContain('13812345678');
    } finally {
      await logged.close();
    }
  });
});
