import fs from 'node:fs';
import path from 'node:path';
import { openPostgres, type Database } from './client.ts';
import { applicationGrants } from './roles.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK = 7_311_001;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * Applies pending migrations (drizzle-kit output) in one transaction under an advisory lock,
 * so several processes starting at once apply them exactly once. With `applicationRole`, the
 * owner running them then grants that role what the application needs (`applicationGrants`).
 */
export async function migrate(
  database: Database,
  opts: { applicationRole?: string } = {},
): Promise<string[]> {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
  ) as Journal;
  const applied: string[] = [];
  await database.db.transaction(async (tx) => {
    const run = async (text: string) => {
      await tx.execute(text);
    };
    await run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await run(
      `CREATE TABLE IF NOT EXISTS anju_migrations (tag varchar(128) PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      ((await tx.execute('SELECT tag FROM anju_migrations')).rows as { tag: string }[]).map((r) => r.tag),
    );
    for (const { tag } of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
      if (done.has(tag)) continue;
      const text = fs.readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await run(statement);
      }
      await run(`INSERT INTO anju_migrations (tag) VALUES ('${tag.replace(/'/g, "''")}')`);
      applied.push(tag);
    }
    if (opts.applicationRole) for (const grant of applicationGrants(opts.applicationRole)) await run(grant);
  });
  return applied;
}

/**
 * Migrates as the owner of the tables when `ownerUrl` (ANJU_MIGRATION_DATABASE_URL) is set, granting
 * the role `database` runs as what it needs; else as that role itself (PGlite always so).
 */
export async function migrateAsOwner(database: Database, ownerUrl: string | undefined): Promise<string[]> {
  if (!ownerUrl || database.kind === 'pglite') return migrate(database);
  const [{ role }] = await database.query<{ role: string }>('SELECT current_user AS role');
  const owner = await openPostgres(ownerUrl, 1);
  try {
    const [{ self }] = await owner.query<{ self: string }>('SELECT current_user AS self');
    return await migrate(owner, { applicationRole: role === self ? undefined : role });
  } finally {
    await owner.close();
  }
}
