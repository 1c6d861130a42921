import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/platform/audit/audit.ts';
import { auditLog } from '../src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from './harness.ts';

let t: TestApp;
let id: number;
const marker = `append-only-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9)}`;

/** Runs `statement` in a transaction that is rolled back whatever happens; returns the database's refusal. */
async function refusal(statement: string): Promise<string> {
  const ROLLED_BACK = 'statement was accepted';
  try {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
      throw new Error(ROLLED_BACK);
    });
  } catch (e) {
    const err = e as { message: string; cause?: { message: string } };
    return err.cause?.message ?? err.message;
  }
  return 'no error at all';
}

const row = async () => (await t.database.db.select().from(auditLog).where(eq(auditLog.id, id)))[0];

beforeAll(async () => {
  t = await testApp();
  await audit(
    t.database.db,
    { actor: null, ip: '10.0.0.1', requestId: marker },
    { action: 'test.append_only', detail: { marker } },
  );
  id = (await t.database.query<{ id: number }>('SELECT id FROM audit_log WHERE request_id = $1', [marker]))[0]
    .id;
});
afterAll(() => t.close());

describe(`audit_log at the database level`, () => {
  it('accepts new rows', async () => {
    expect((await row()).action).toBe('test.append_only');
  });

  it.each([
    ['UPDATE', () => `UPDATE audit_log SET result = 'denied' WHERE id = ${id}`],
    ['UPDATE of every row', () => `UPDATE audit_log SET actor_name = 'nobody'`],
    ['DELETE', () => `DELETE FROM audit_log WHERE id = ${id}`],
    ['DELETE of every row', () => 'DELETE FROM audit_log'],
    ['TRUNCATE', () => 'TRUNCATE audit_log'],
  ])('refuses %s', async (_what, statement) => {
    const before = await row();
    expect(await refusal(statement())).toMatch(/audit_log is append-only/);
    expect(await row()).toEqual(before);
  });

  it('refuses changes through the ORM too', async () => {
    await expect(
      t.database.db.update(auditLog).set({ result: 'failed' }).where(eq(auditLog.id, id)),
    ).rejects.toThrow();
    await expect(t.database.db.delete(auditLog).where(eq(auditLog.id, id))).rejects.toThrow();
    expect((await row()).result).toBe('ok');
  });
});
