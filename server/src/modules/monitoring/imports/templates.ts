import {
  DEPARTMENT_DATA_HEADERS,
  INCOME_IMPORT_HEADERS,
  REQUIRED_DEPARTMENT_DATA_HEADERS,
  REQUIRED_INCOME_IMPORT_HEADERS,
} from '@anju/contracts';
import { templateWorkbook, type TemplateSheet } from '../../../platform/files/import/template.ts';

const DEPARTMENT: TemplateSheet = {
  name: '部门数据',
  headers: DEPARTMENT_DATA_HEADERS,
  required: REQUIRED_DEPARTMENT_DATA_HEADERS,
  text: ['身份证号'],
  notes: {
    身份证号: '18 位（或 15 位旧号）；请将此列设为文本格式',
    姓名: '须与户籍登记的姓名一致',
    事项: '如 大额医疗支出、因灾房屋受损、失业登记',
    金额: '元，最多两位小数',
    日期: '发生日期，如 2026-03-01',
    备注: '可选，最多 200 字',
  },
};

const INCOMES: TemplateSheet = {
  name: '收入',
  headers: INCOME_IMPORT_HEADERS,
  required: REQUIRED_INCOME_IMPORT_HEADERS,
  text: ['户编号'],
  notes: {
    户编号: '系统中的户编号；须为您所在居住地辖区的户',
    年度: '如 2025',
    期别: '年度（全年）或 年中；同一户同一年度、期别只填一行，已有记录将被覆盖',
    工资性收入: '元（整数；小数四舍五入），留空为 0',
    经营净收入: '元，亏损填负数，留空为 0',
    财产性收入: '元，留空为 0',
    转移性收入: '元，留空为 0',
    生产经营支出: '元，留空为 0',
    医疗自付: '元，留空为 0',
    教育支出: '元，留空为 0',
  },
  lists: { 期别: ['年度', '年中'] },
};

/** The department data template: the sheet 部门数据 with the headers, and 说明 describing each column. */
export const departmentDataTemplate = () => templateWorkbook(DEPARTMENT);

/** The incomes template: the sheet 收入 with the headers, and 说明. */
export const incomesTemplate = () => templateWorkbook(INCOMES);
