import { randomInt } from 'node:crypto';
import type { UserImportResult } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-rule.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { FileFormat } from '../../platform/files/xlsx.ts';
import { checkAccounts, type PlannedAccount } from './import.check.ts';
import * as repo from './import.repo.ts';
import { MAX_ROWS, readAccounts } from './import.rows.ts';

// no look-alikes (0/O, 1/l/I) in a password read off a sheet of paper
const CLASSES = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghjkmnpqrstuvwxyz', '23456789', '#%+=@'];

/** A one-time password of 12 characters, of all four classes, acceptable under the password rule. */
export function oneTimePassword(username: string): string {
  for (;;) {
    const all = CLASSES.join('');
    const chars = [
      ...CLASSES.map((c) => c[randomInt(c.length)]),
      ...Array.from({ length: 8 }, () => all[randomInt(all.length)]),
    ];
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    try {
      assertAcceptablePassword('password', password, username);
      return password;
    } catch {
      // drawn again
    }
  }
}

/** Hashes in batches, so the thread pool is kept busy without holding every key derivation at once. */
async function hashed(accounts: PlannedAccount[]) {
  const out: (PlannedAccount & { password: string; passwordHash: string })[] = [];
  for (let i = 0; i < accounts.length; i += 16)
    out.push(
      ...(await Promise.all(
        accounts.slice(i, i + 16).map(async (a) => {
          const password = oneTimePassword(a.username);
          return { ...a, password, passwordHash: await hashPassword(password) };
        }),
      )),
    );
  return out;
}

/**
 * Accounts from a workbook (or CSV), one a row with its roles and places. Every row is checked and
 * every problem reported; with `commit` and no problem, all accounts are created in one transaction
 * (or none, when the file changed under it), each with a one-time password returned this once and
 * to be changed at first sign-in, each creation audited.
 */
export async function importAccounts(
  database: Database,
  ctx: Ctx,
  file: { path: string; format: FileFormat; fileName: string },
  commit: boolean,
): Promise<UserImportResult> {
  const read = await readAccounts(file.path, file.format).catch(() => {
    throw invalid('file', 'the file cannot be read');
  });
  if (!read) throw invalid('file', 'no header row naming the column {{column}}', { column: '用户名' });
  if (read.tooMany) throw invalid('file', 'at most {{max}} rows', { max: String(MAX_ROWS) });
  const { rows } = read;
  if (!rows.length) throw invalid('file', 'the file has no rows');
  const check = async () =>
    checkAccounts(
      ctx.actor,
      rows,
      await repo.takenUsernames(database.db, [...new Set(rows.map((r) => r.username.toLowerCase()))]),
      await repo.placesByCodes(database.db, [...new Set(rows.flatMap((r) => r.places))]),
    );
  const { problems, planned } = await check();
  const result = { committed: false, rows: rows.length, problems, created: [] };
  if (!commit || problems.length) return result;

  const accounts = await hashed(planned);
  await database.db
    .transaction(async (tx) => {
      const ids = await repo.insertAccounts(tx, accounts);
      for (const a of accounts)
        await audit(tx, ctx, {
          action: 'user.create',
          targetType: 'user',
          targetId: ids.get(a.username)!,
          detail: { username: a.username, roles: a.roles, scopePlaceIds: a.placeIds, imported: true },
        });
      await audit(tx, ctx, {
        action: 'user.import',
        detail: { file: file.fileName, accounts: accounts.length },
      });
    })
    .catch((e: { code?: string; cause?: { code?: string } }) => {
      // someone took one of the usernames between the check and the commit: nothing was written
      if (e.code === '23505' || e.cause?.code === '23505')
        throw conflict('a username was taken meanwhile; check the file again', [
          { field: 'file', reason: 'username already taken' },
        ]);
      throw e;
    });
  return {
    ...result,
    committed: true,
    created: accounts.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      password: a.password,
    })),
  };
}
