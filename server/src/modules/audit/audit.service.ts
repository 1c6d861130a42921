import type { AuditEntry, AuditQuery } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { csvStream, xlsxStream, type Column } from '../../platform/files/tabular.ts';
import * as repo from './audit.repo.ts';

function present(r: repo.AuditRow): AuditEntry {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actorId === null ? null : String(r.actorId),
    actorName: r.actorName,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    requestId: r.requestId,
    result: r.result as AuditEntry['result'],
    detail: r.detail as Record<string, unknown>,
  };
}

export async function list(database: Database, q: AuditQuery) {
  const { items, total } = await repo.list(database.db, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

const COLUMNS: Column<repo.AuditRow>[] = [
  { header: '编号 id', value: (r) => r.id, width: 10 },
  { header: '时间 time', value: (r) => new Date(r.at).toISOString(), width: 26 },
  { header: '操作人 actor', value: (r) => r.actorName },
  { header: '操作 action', value: (r) => r.action, width: 22 },
  { header: '对象类型 target type', value: (r) => r.targetType },
  { header: '对象 target', value: (r) => r.targetId },
  { header: '来源地址 ip', value: (r) => r.ip },
  { header: '结果 result', value: (r) => r.result, width: 10 },
  { header: '请求 request id', value: (r) => r.requestId, width: 38 },
  { header: '详情 detail', value: (r) => JSON.stringify(r.detail), width: 60 },
];

/** Streams the filtered log as .xlsx or CSV; the export itself is audited first. */
export async function exportLog(database: Database, ctx: Ctx, q: repo.AuditFilter, format: 'xlsx' | 'csv') {
  await audit(database.db, ctx, {
    action: 'audit.export',
    targetType: 'audit_log',
    detail: { ...q, format },
  });
  const rows = repo.batches(database.db, q);
  return format === 'xlsx' ? xlsxStream('audit', COLUMNS, rows) : csvStream(COLUMNS, rows);
}
