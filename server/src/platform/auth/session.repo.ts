import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import type { Role } from '@anju/contracts';

export const SESSION_COOKIE = 'anju_sid';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  user_id: number;
  username: string;
  display_name: string;
  roles: Role[];
  disabled: boolean;
  must_change_password: boolean;
  csrf_token: string;
  idle_seconds: number;
  expired: boolean;
  scopes: { id: number; path: string }[];
}

export async function createSession(
  database: Database,
  userId: number,
  meta: { ip: string; userAgent: string | undefined; maxSeconds: number },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await database.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, ip, user_agent, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [hashToken(token), userId, csrfToken, meta.ip, meta.userAgent?.slice(0, 400) ?? null, meta.maxSeconds],
  );
  return { token, csrfToken };
}

/** One query: the session, its user and the user's scope roots. */
export async function findSession(database: Database, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await database.query<SessionRow>(
    `SELECT u.id AS user_id, u.username, u.display_name, u.roles, u.disabled, u.must_change_password,
            s.csrf_token,
            EXTRACT(EPOCH FROM (now() - s.last_seen_at))::int AS idle_seconds,
            (s.expires_at <= now()) AS expired,
            COALESCE((SELECT json_agg(json_build_object('id', p.id, 'path', p.path) ORDER BY p.path)
                        FROM user_scopes us JOIN places p ON p.id = us.place_id
                       WHERE us.user_id = u.id), '[]'::json) AS scopes
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1`,
    [tokenHash],
    'anju_find_session',
  );
  return rows[0];
}

export async function touchSession(database: Database, tokenHash: string): Promise<void> {
  await database.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSession(database: Database, tokenHash: string): Promise<void> {
  await database.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteUserSessions(database: Database, userId: number): Promise<void> {
  await database.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Removes sessions past their idle or absolute limit; returns how many. */
export async function purgeSessions(database: Database, idleSeconds: number): Promise<number> {
  const rows = await database.query<{ n: number }>(
    `WITH gone AS (DELETE FROM sessions
                    WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)
                RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [idleSeconds],
  );
  return rows[0]?.n ?? 0;
}
