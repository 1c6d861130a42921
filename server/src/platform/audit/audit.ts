import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Ctx, SystemCtx } from '../auth/actor.ts';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string | number;
  result?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
  /** Who acted, when the context has no signed-in user yet (sign-in attempts). */
  actor?: { id: number | null; name: string };
}

/** Appends one row to the audit log, inside the caller's transaction when it has one. */
export async function audit(conn: Conn, ctx: Ctx | SystemCtx, event: AuditEvent): Promise<void> {
  await conn.insert(auditLog).values({
    actorId: event.actor?.id ?? ctx.actor?.userId ?? null,
    actorName: event.actor?.name ?? ctx.actor?.username ?? 'system',
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId === undefined ? null : String(event.targetId),
    ip: ctx.ip,
    requestId: ctx.requestId,
    result: event.result ?? 'ok',
    detail: event.detail ?? {},
  });
}

/**
 * The head of an INSERT of audit rows, for a statement that writes its audit rows in the same pass
 * (a CTE followed by a SELECT of these columns, in this order).
 */
export const AUDIT_INSERT =
  'INSERT INTO audit_log (actor_id, actor_name, action, target_type, target_id, ip, request_id, result, detail)';

/** Audit rows selected by `select` (actor_id, actor_name, action, target_type, target_id, ip, request_id, result, detail). */
export const auditInsertSql = (select: SQL): SQL => sql`${sql.raw(AUDIT_INSERT)} ${select}`;
