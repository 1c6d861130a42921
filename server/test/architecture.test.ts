import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from '@anju/contracts';

/**
 * The homes of each kind of code (docs/ARCHITECTURE.md, "Where code lives"), checked on the source
 * tree so that a module added tomorrow follows them too.
 */
const SRC = path.resolve(import.meta.dirname, '../src');
const CONTRACTS = path.resolve(import.meta.dirname, '../../contracts/src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file);
const isTestCode = (file: string) => /\.(test|fixture|test-support)\.ts$/.test(file);
const source = filesUnder(SRC).filter((f) => !isTestCode(f));

/** Relative imports of a file, resolved to paths under server/src. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) =>
    rel(path.resolve(path.dirname(file), m[1])),
  );
}

const moduleOf = (relPath: string) => (relPath.startsWith('modules/') ? relPath.split('/')[1] : null);

describe('where code lives', () => {
  it('no module writes audit rows or notifications itself: the platform owns those tables', () => {
    const offenders = source
      .filter((f) => !rel(f).startsWith('platform/'))
      .filter((f) => /INSERT\s+INTO\s+(audit_log|notifications)\b/i.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('modules meet through services: no import of another module’s repo or internal file', () => {
    const offenders = source.flatMap((f) => {
      const own = moduleOf(rel(f));
      if (!own) return [];
      return importsOf(f)
        .filter((t) => moduleOf(t) && moduleOf(t) !== own && !/\.service\.ts$/.test(t))
        .map((t) => `${rel(f)} -> ${t}`);
    });
    expect(offenders).toEqual([]);
  });

  it('a policy decides from what it is given and calls no service', () => {
    const offenders = source
      .filter((f) => f.endsWith('.policy.ts'))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => t.endsWith('.service.ts'))
          .map((t) => `${rel(f)} -> ${t}`),
      );
    expect(offenders).toEqual([]);
  });

  it('no SQL in services: statements live in repos, fragments and row types in *.sql.ts', () => {
    const offenders = source
      .filter((f) => f.endsWith('.service.ts'))
      .filter((f) => {
        const text = fs.readFileSync(f, 'utf8');
        return (
          /^import\s+\{[^}]*\}\s+from\s+'drizzle-orm/m.test(text.replace(/^import type .*$/gm, '')) ||
          /from '[./]+\/db\/(schema|rows)/.test(text) ||
          /\.execute\(/.test(text)
        );
      })
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('no scope condition of a module’s own: scope SQL comes from platform/access', () => {
    const offenders = source
      .filter((f) => moduleOf(rel(f)))
      .filter((f) => /path\}?\s+LIKE\b/i.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('the platform, the database layer and the seeders’ data sit below or above the modules as drawn', () => {
    const offenders = source
      .filter((f) => /^(platform|db)\//.test(rel(f)))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => t.startsWith('modules/'))
          .map((t) => `${rel(f)} -> ${t}`),
      );
    expect(offenders).toEqual([]);
  });

  it('every contract schema has its type beside it', () => {
    const text = fs
      .readdirSync(CONTRACTS)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => fs.readFileSync(path.join(CONTRACTS, f), 'utf8'))
      .join('\n');
    const schemas = Object.entries(contracts)
      .filter(([, value]) => value instanceof z.ZodType)
      .map(([name]) => name);
    expect(schemas.length).toBeGreaterThan(100);
    const untyped = schemas.filter((name) => !new RegExp(`export (type|interface) ${name}\\b`).test(text));
    expect(untyped).toEqual([]);
  });
});
