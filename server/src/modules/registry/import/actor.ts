import type { Role } from '@anju/contracts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { notFound } from '../../../platform/errors.ts';

/** The actor of a user for work done outside a request (a queued import, the CLI): roles and scope roots. */
export async function actorOf(
  database: Database,
  who: { userId: number } | { username: string },
): Promise<Actor> {
  const [row] = await database.query<{
    id: number;
    username: string;
    display_name: string;
    roles: Role[];
    scopes: { id: number; path: string }[];
  }>(
    `SELECT u.id, u.username, u.display_name, u.roles,
            COALESCE((SELECT json_agg(json_build_object('id', p.id, 'path', p.path) ORDER BY p.path)
                        FROM user_scopes us JOIN places p ON p.id = us.place_id WHERE us.user_id = u.id), '[]'::json) AS scopes
       FROM users u WHERE ${'userId' in who ? 'u.id = $1' : 'u.username = $1'} AND NOT u.disabled`,
    ['userId' in who ? who.userId : who.username],
  );
  if (!row) throw notFound('user');
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    scopes: row.scopes,
    csrfToken: '',
    sessionHash: '',
    mustChangePassword: false,
  };
}
