import { IMPORT_HEADERS, type ImportHeader } from '@anju/contracts';

/** Headers as registers in the field spell them, by the template's header they mean. */
const SYNONYMS: Record<string, ImportHeader> = {
  户号: '户编号',
  家庭编号: '户编号',
  与户主的关系: '与户主关系',
  家庭关系: '与户主关系',
  关系: '与户主关系',
  身份证号码: '身份证号',
  公民身份号码: '身份证号',
  身份证: '身份证号',
  手机号码: '联系电话',
  手机号: '联系电话',
  手机: '联系电话',
  电话: '联系电话',
  电话号码: '联系电话',
  联系方式: '联系电话',
  学历: '文化程度',
  健康情况: '健康状况',
  身体状况: '健康状况',
  是否党员: '党员',
  标签: '人员标签',
  搬迁时间: '搬迁年份',
  搬迁年度: '搬迁年份',
};

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width letters, digits and signs (０-９, Ｘ, （）) as their ASCII forms. */
export const halfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * The template's header a header cell means: without spaces (民 族), a required mark (姓名*) or a
 * note in brackets (文化程度（学历）), or by a common synonym (手机号码); undefined when none.
 */
export function headerOf(cell: string): ImportHeader | undefined {
  const text = halfWidth(cell)
    .replace(/^\uFEFF/, '')
    .replace(/[\s*]/g, '');
  const bare = text.replace(/\([^)]*\)$/, '');
  for (const t of [text, bare]) {
    if ((IMPORT_HEADERS as readonly string[]).includes(t)) return t as ImportHeader;
    if (SYNONYMS[t]) return SYNONYMS[t];
  }
  return undefined;
}
