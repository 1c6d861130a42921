import { randomBytes } from 'node:crypto';
import type { Open311Key, Open311KeyCreate } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { hashToken } from '../../platform/auth/session.repo.ts';
import { covers, rootsOf } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './keys.repo.ts';

function present(k: repo.KeyRow): Open311Key {
  return {
    id: String(k.id),
    name: k.name,
    place: { id: String(k.placeId), name: k.placeName, level: k.placeLevel },
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

/** Issues a key for a system bound to a place the issuer is scoped to; the plain key is returned this once. */
export async function createKey(database: Database, ctx: Ctx, input: Open311KeyCreate) {
  const key = `anju311_${randomBytes(32).toString('base64url')}`;
  const id = await database.db.transaction(async (tx) => {
    const place = await repo.place(tx, Number(input.placeId));
    if (!place) throw invalid('placeId', 'unknown place');
    if (!covers(ctx.actor, place.path)) throw invalid('placeId', 'outside the places you are scoped to');
    const created = await repo.insert(tx, {
      name: input.name,
      keyHash: hashToken(key),
      placeId: Number(input.placeId),
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'open311.key.create',
      targetType: 'open311_key',
      targetId: created,
      detail: { name: input.name, placeId: input.placeId },
    });
    return created;
  });
  return { ...present((await repo.findById(database.db, id))!), key };
}

/** The keys of the places the caller is scoped to. */
export async function listKeys(database: Database, ctx: Ctx): Promise<Open311Key[]> {
  return (await repo.list(database.db, rootsOf(ctx.actor))).map(present);
}

/** Revokes a key at once: the next request made with it is refused. */
export async function revokeKey(database: Database, ctx: Ctx, id: number): Promise<Open311Key> {
  await database.db.transaction(async (tx) => {
    const key = await repo.findById(tx, id);
    if (!key || !covers(ctx.actor, key.placePath)) throw notFound('key');
    if (!(await repo.revoke(tx, id))) throw conflict('the key is already revoked');
    await audit(tx, ctx, { action: 'open311.key.revoke', targetType: 'open311_key', targetId: id });
  });
  return present((await repo.findById(database.db, id))!);
}

const INVALID_KEY = "Invalid api_key received -- can't proceed";

/**
 * The context a request with `apiKey` acts in: the system the key was issued to, scoped to the key's
 * place. No user has a negative id, so `-key id` names the system as reporter without being anyone's.
 */
export async function keyContext(
  database: Database,
  apiKey: string | undefined,
  meta: { ip: string; requestId: string },
): Promise<Ctx> {
  if (!apiKey) throw new AppError('forbidden', 'api_key was not provided');
  const key = await repo.findByHash(database.db, hashToken(apiKey));
  if (!key) throw new AppError('forbidden', INVALID_KEY);
  if (key.revokedAt) throw new AppError('forbidden', 'api_key was revoked');
  return {
    actor: {
      userId: -key.id,
      username: `open311:${key.name}`,
      displayName: key.name,
      roles: [],
      scopes: [{ id: key.placeId, path: key.placePath }],
      csrfToken: '',
      sessionHash: '',
      mustChangePassword: false,
    },
    ip: meta.ip,
    requestId: meta.requestId,
  };
}
