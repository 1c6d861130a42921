import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './client.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK = 7_311_001;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * Applies pending migrations (drizzle-kit output) in one transaction under an advisory lock,
 * so several processes starting at once apply them exactly once.
 */
export async function migrate(database: Database): Promise<string[]> {
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
  });
  return applied;
}
