import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { KpiBreakdownQuery, KpiGrouping, KpiRow } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { breakdown } from './kpi-breakdown.ts';
import { KPI_DEFINITIONS } from './kpi.ts';

const GROUP_HEADER: Record<KpiGrouping, string> = {
  grid: '网格',
  community: '社区',
  township: '乡镇（街道）',
  department: '部门',
};

const PERCENT = { numFmt: '0.0%' };
const COLUMNS: { header: string; value: (r: KpiRow) => number | null; style?: typeof PERCENT }[] = [
  { header: '上报数', value: (r) => r.reported },
  { header: '及时签收数', value: (r) => r.acceptedInTime },
  { header: '及时签收率', value: (r) => r.timelyAcceptanceRate, style: PERCENT },
  { header: '办结数', value: (r) => r.closed },
  { header: '按时办结数', value: (r) => r.closedOnTime },
  { header: '已到期数', value: (r) => r.fellDue },
  { header: '按时办结率', value: (r) => r.onTimeClosureRate, style: PERCENT },
  { header: '回访数', value: (r) => r.callbacks },
  { header: '满意数', value: (r) => r.satisfied },
  { header: '回访满意率', value: (r) => r.satisfactionRate, style: PERCENT },
  { header: '平均办理时长（小时）', value: (r) => r.averageHandlingHours },
  { header: '超期未办结', value: (r) => r.overdueOpen },
];

/**
 * The KPI breakdown as an .xlsx workbook: the figures, then a sheet of definitions (指标口径) and the
 * period; audited like every export.
 */
export async function exportBreakdown(database: Database, ctx: Ctx, q: KpiBreakdownQuery): Promise<Readable> {
  const table = await breakdown(database, ctx, q);
  await audit(database.db, ctx, {
    action: 'incident.kpi_export',
    targetType: 'incident',
    detail: { ...q, rows: table.rows.length },
  });
  const out = new PassThrough();
  (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet('事件办理指标');
    ws.columns = [
      { header: GROUP_HEADER[q.by], width: 24 },
      ...COLUMNS.map((c) => ({ header: c.header, width: 14, style: c.style })),
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of table.rows) ws.addRow([r.name, ...COLUMNS.map((c) => c.value(r))]).commit();
    ws.commit();
    const notes = wb.addWorksheet('指标口径');
    notes.columns = [
      { header: '指标', width: 16 },
      { header: '分子', width: 48 },
      { header: '分母', width: 36 },
      { header: '不计入', width: 36 },
      { header: '依据', width: 36 },
    ];
    notes.getRow(1).font = { bold: true };
    notes.getRow(1).commit();
    for (const d of KPI_DEFINITIONS)
      notes
        .addRow([
          d.name['zh-CN'],
          d.numerator['zh-CN'],
          d.denominator?.['zh-CN'] ?? '—',
          d.excluded['zh-CN'],
          d.source['zh-CN'],
        ])
        .commit();
    notes.addRow([]).commit();
    notes.addRow(['统计期间', `${q.from} 至 ${q.to}（按北京时间整日，以上报时间计）`]).commit();
    notes.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
