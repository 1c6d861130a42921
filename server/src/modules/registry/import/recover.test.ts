import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { addPlace, testApp, type TestApp } from '../../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry.fixture.ts';
import { csvOf, householdRows, upload } from './import.fixture.ts';
import { IMPORT_LOCK_BASE } from './import.repo.ts';
import { COMMIT_INTERRUPTED, holding, recoverImports } from './recover.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

/** A validated import of one household of two, staged. */
async function validated(room: string): Promise<number> {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', room);
  const rows = await householdRows(t, w, room, dwelling);
  const job = (await upload(w.staff, Buffer.from(csvOf(rows)), `${room}.csv`)).json();
  expect(job.status).toBe('validated');
  return Number(job.id);
}

/** Leaves import `id` as a process killed in its middle leaves it: `status`, untouched for an hour. */
const killedIn = (id: number, status: string) =>
  t.database.query(
    `UPDATE registry_imports SET status = $2, updated_at = now() - interval '1 hour' WHERE id = $1`,
    [id, status],
  );
const staged = async (id: number) =>
  (
    await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM registry_import_rows WHERE import_id = $1',
      [id],
    )
  )[0].n;
const state = async (id: number) => (await w.staff.get(`/api/registry/imports/${id}`)).json();
const commit = (id: number) => w.staff.post(`/api/registry/imports/${id}/commit`, { skipBadRows: false });
const recover = () => recoverImports(t.database, t.config.dataDir);

describe('imports interrupted by a process that died', () => {
  it('a commit interrupted is validated again by the periodic job, commits on retry, and its staged rows then go', async () => {
    const id = await validated('601室');
    await killedIn(id, 'committing');
    expect((await commit(id)).statusCode).toBe(409);
    expect(await recover()).toEqual({ resumed: [id], failed: [] });
    expect(await state(id)).toMatchObject({ status: 'validated', message: COMMIT_INTERRUPTED });
    expect(await staged(id)).toBe(2);
    expect((await commit(id)).statusCode).toBe(202);
    expect(await state(id)).toMatchObject({ status: 'committed' });
    expect(await staged(id)).toBe(0);
  });

  it('a commit interrupted is found when Anju starts', async () => {
    const id = await validated('602室');
    await killedIn(id, 'committing');
    const again = await buildApp(t.config, t.database, { logger: false });
    await again.ready();
    await again.close();
    expect(await state(id)).toMatchObject({ status: 'validated', message: COMMIT_INTERRUPTED });
  });

  it('leaves alone an import whose process holds it, however long it has been quiet', async () => {
    const id = await validated('603室');
    await killedIn(id, 'committing');
    await holding(t.database, id, async () => {
      expect(await recover()).toEqual({ resumed: [], failed: [] });
    });
    expect(await state(id)).toMatchObject({ status: 'committing' });
    expect((await recover()).resumed).toEqual([id]);
  });

  it.runIf(process.env.DATABASE_URL)('leaves alone an import held by another process', async () => {
    const id = await validated('609室');
    await killedIn(id, 'committing');
    const other = await t.database.pool!.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [IMPORT_LOCK_BASE + id]);
      expect((await recover()).resumed).toEqual([]);
    } finally {
      other.release(true);
    }
    expect((await recover()).resumed).toEqual([id]);
  });

  it('a dry run interrupted fails and its staged rows go', async () => {
    const id = await validated('604室');
    await killedIn(id, 'validating');
    expect(await recover()).toEqual({ resumed: [], failed: [id] });
    expect(await state(id)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/interrupted/),
    });
    expect(await staged(id)).toBe(0);
  });

  it('a dry run not committed for a day fails and its staged rows go; so do the rows a failed import left', async () => {
    const old = await validated('605室');
    const fresh = await validated('606室');
    const failed = await validated('607室');
    await t.database.query(
      `UPDATE registry_imports SET updated_at = now() - interval '25 hours' WHERE id = $1`,
      [old],
    );
    await t.database.query(`UPDATE registry_imports SET status = 'failed' WHERE id = $1`, [failed]);
    expect(await staged(failed)).toBe(2);
    expect((await recover()).failed).toEqual([old]);
    expect(await state(old)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/within a day/),
    });
    expect([await staged(old), await staged(fresh), await staged(failed)]).toEqual([0, 2, 0]);
    expect((await commit(old)).statusCode).toBe(409);
  });

  it('a commit job that comes to run after its import was found interrupted does nothing', async () => {
    const id = await validated('608室');
    await killedIn(id, 'committing');
    await recover();
    const { runCommit } = await import('./import.service.ts');
    await runCommit(
      { database: t.database, cipher: t.app.cipher, dataDir: t.config.dataDir },
      { importId: id, ip: '127.0.0.1', requestId: 'late' },
    );
    expect(await state(id)).toMatchObject({ status: 'validated' });
    expect(await staged(id)).toBe(2);
  });
});
