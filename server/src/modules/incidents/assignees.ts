import { sql } from 'drizzle-orm';
import type { IncidentAssignees } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { canSee, standingOf } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import { LEVEL_ROLE } from './incidents.service.ts';
import { rows } from './incidents.sql.ts';

/**
 * Whom the handler of an incident may dispatch it to: officials of the handling ladder whose scope
 * covers where it happened (the rule `dispatch` checks), and the departments of its county.
 */
export async function assignees(database: Database, ctx: Ctx, id: number): Promise<IncidentAssignees> {
  const i = await repo.findById(database.db, id);
  const departments = await repo.departmentsOf(database.db, ctx.actor.userId);
  if (!i || !canSee(ctx.actor, i, departments)) throw new AppError('not_found', 'incident not found');
  if (!standingOf(ctx.actor, i, departments).handler)
    throw forbidden('only the handler of the incident dispatches it');
  const roles = sql`ARRAY[${sql.join(
    LEVEL_ROLE.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;
  const [users, depts] = await Promise.all([
    rows<{ id: number; display_name: string; roles: string[] }>(
      database.db,
      sql`SELECT DISTINCT u.id, u.display_name, u.roles FROM users u
            JOIN user_scopes s ON s.user_id = u.id JOIN places p ON p.id = s.place_id
           WHERE NOT u.disabled AND u.roles && ${roles} AND ${i.place_path} LIKE p.path || '%'
           ORDER BY u.display_name LIMIT 200`,
    ),
    rows<{ id: number; name_zh: string; name_en: string }>(
      database.db,
      sql`SELECT d.id, d.name_zh, d.name_en FROM departments d JOIN places c ON c.id = d.county_id
           WHERE ${i.place_path} LIKE c.path || '%' ORDER BY d.code`,
    ),
  ]);
  return {
    users: users.map((u) => ({ id: String(u.id), name: u.display_name, roles: u.roles })),
    departments: depts.map((d) => ({ id: String(d.id), nameZh: d.name_zh, nameEn: d.name_en })),
  };
}
