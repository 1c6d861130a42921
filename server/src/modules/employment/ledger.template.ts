import { LEDGER_HEADERS, LEDGER_KIND_LABELS, REQUIRED_LEDGER_HEADERS } from '@anju/contracts';
import { templateWorkbook } from '../../platform/files/import/template.ts';

/** The employment ledger template: the sheet 就业台账 with the headers, and 说明 describing each column. */
export const ledgerTemplate = () =>
  templateWorkbook({
    name: '就业台账',
    headers: LEDGER_HEADERS,
    required: REQUIRED_LEDGER_HEADERS,
    text: ['身份证号'],
    notes: {
      姓名: '须与户籍登记的姓名一致',
      身份证号: '18 位（或 15 位旧号）；请将此列设为文本格式；须为您所在居住地辖区的人',
      用工单位: '单位或岗位名称，最多 128 字；同一人同一单位同一开始日期的记录将被更新',
      就业类型: Object.values(LEDGER_KIND_LABELS)
        .map((l) => l[0])
        .join('、'),
      月工资: '元，最多两位小数，不能为负数',
      开始日期: '如 2026-03-01，不晚于今天',
      结束日期: '可选；仍在岗的留空；不早于开始日期',
    },
    lists: { 就业类型: Object.values(LEDGER_KIND_LABELS).map((l) => l[0]) },
  });
