import ExcelJS from 'exceljs';
import { FIGURE_DEFINITIONS, type EmploymentFigures, type FigureDefinition } from '@anju/contracts';

const UNIT_ZH: Record<FigureDefinition['unit'], string> = {
  persons: '人',
  households: '户',
  percent: '%',
  days: '天',
};
const DIRECTION_ZH: Record<FigureDefinition['direction'], string> = {
  higher: '越高越好',
  lower: '越低越好',
  neutral: '—',
};

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};

/**
 * The employment figures of a place as a workbook: one sheet of the place and its children (numbers
 * as numbers, one column a figure), the monthly trend, and the definitions of every figure.
 */
export async function figuresWorkbook(f: EmploymentFigures): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const figures = wb.addWorksheet('就业指标', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  bold(figures.addRow(['地区', ...FIGURE_DEFINITIONS.map((d) => `${d.nameZh}（${UNIT_ZH[d.unit]}）`)]));
  const line = (name: string, values: EmploymentFigures['values']) =>
    figures.addRow([name, ...FIGURE_DEFINITIONS.map((d) => values[d.id] ?? null)]);
  bold(line(`${f.place.name}（合计）`, f.values));
  for (const c of f.children) line(c.name, c.values);
  figures.getColumn(1).width = 24;
  FIGURE_DEFINITIONS.forEach((d, i) => {
    const column = figures.getColumn(i + 2);
    column.width = 16;
    column.numFmt = d.unit === 'percent' || d.unit === 'days' ? '0.0' : '0';
  });

  const trend = wb.addWorksheet('月度趋势', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(
    trend.addRow([
      '月份',
      '劳动力（人）',
      '已就业（人）',
      '就业率（%）',
      '转移就业（人）',
      '车间与公益岗（人）',
    ]),
  );
  for (const m of f.trend)
    trend.addRow([m.month, m.labourForce, m.employed, m.employmentRate, m.exported, m.workshopAndPost]);
  trend.getColumn(4).numFmt = '0.0';
  trend.columns.forEach((c) => (c.width = 16));

  const defs = wb.addWorksheet('指标说明');
  bold(
    defs.addRow([
      '编号 id',
      '指标',
      'Figure',
      '分子',
      'Numerator',
      '分母',
      'Denominator',
      '单位 unit',
      '方向 direction',
      '目标 target',
    ]),
  );
  for (const d of FIGURE_DEFINITIONS)
    defs.addRow([
      d.id,
      d.nameZh,
      d.nameEn,
      d.numeratorZh,
      d.numeratorEn,
      d.denominatorZh ?? '',
      d.denominatorEn ?? '',
      `${UNIT_ZH[d.unit]} ${d.unit}`,
      `${DIRECTION_ZH[d.direction]} ${d.direction}`,
      d.target ?? null,
    ]);
  defs.addRow([]);
  defs.addRow([`统计日期 as of ${f.asOf}；口径：居住在${f.place.name}的搬迁人口与家庭`]);
  defs.columns.forEach((c, i) => (c.width = i === 3 || i === 4 ? 48 : 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
