import {
  IMPORT_HEADERS,
  parseIdNumber,
  type ImportHeader,
  type ImportReason,
  type ImportReasonParams,
} from '@anju/contracts';
import type { Cipher } from '../../../platform/crypto.ts';
import { initialsOf } from '../../places/places.service.ts';
import { sealParsedId, sealPhone } from '../identity.ts';
import { codeOf } from '../labels.ts';
import type { SourceRow } from './source.ts';

/** A row as it is staged: sealed identifiers, codes; places are resolved afterwards in bulk. */
export interface StagedRow {
  rowNo: number;
  householdKey: string;
  bad: boolean;
  relation: string | null;
  name: string | null;
  initials: string | null;
  idCipher: string | null;
  idHash: string | null;
  idMasked: string | null;
  sex: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  education: string | null;
  health: string | null;
  disabilityGrade: number | null;
  labourCapacity: string | null;
  tags: string[] | null;
  partyMember: boolean | null;
  relocationYear: number | null;
  resettlementType: string | null;
  povertyStatus: string | null;
  hukouCode: string;
  dwellingCode: string;
  originCode: string;
}

export interface RowError {
  rowNo: number;
  column: string;
  reason: ImportReason;
  params?: ImportReasonParams;
}

export interface CheckContext {
  cipher: Cipher;
  /** Person tags by code and by Chinese label. */
  tags: Map<string, string>;
  seesHealth: boolean;
}

const NAME = /^[\p{L}\p{M}·•. -]{1,32}$/u;
const GRADES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const YES = new Set(['是', 'true', 'TRUE', '1', 'Y', 'y']);
const NO = new Set(['否', '', 'false', 'FALSE', '0', 'N', 'n']);
const LISTS: Partial<Record<ImportHeader, string>> = {
  与户主关系: 'relation',
  民族: 'ethnicity',
  文化程度: 'education',
  健康状况: 'health',
  劳动能力: 'labour',
  安置方式: 'resettlement',
  户类型: 'poverty',
};
const REQUIRED = new Set<ImportHeader>([
  '户编号',
  '与户主关系',
  '姓名',
  '身份证号',
  '劳动能力',
  '户籍地代码',
]);
const REQUIRED_FOR_HOUSEHOLD = new Set<ImportHeader>(['住房代码', '安置方式', '户类型']);

const initialsCache = new Map<string, string>();
function initials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    if (initialsCache.size > 100_000) initialsCache.clear();
    initialsCache.set(name, (v = initialsOf(name).slice(0, 32)));
  }
  return v;
}

/** Checks one row on its own (codes, ID number, phone, labels) and seals its identifiers. */
export function checkRow(row: SourceRow, ctx: CheckContext): { staged: StagedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: ImportHeader, reason: ImportReason, params?: ImportReasonParams) =>
    errors.push({ rowNo: row.rowNo, column, reason, params });
  // a cell quoted back in a report is cut short, so one long cell cannot bloat it
  const quote = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);
  const cell = (h: ImportHeader) => row.cells[IMPORT_HEADERS.indexOf(h)];
  for (const h of IMPORT_HEADERS) {
    if (cell(h) === '' && (REQUIRED.has(h) || REQUIRED_FOR_HOUSEHOLD.has(h))) fail(h, 'cell.required');
  }
  const code = (h: ImportHeader, fallback: string | null = null) => {
    const v = cell(h);
    if (v === '') return fallback;
    const c = codeOf(LISTS[h]!, v);
    if (c === undefined) fail(h, 'value.unknown', { value: quote(v) });
    return c ?? null;
  };
  const key = cell('户编号');
  if (key.length > 64) fail('户编号', 'cell.too_long', { max: 64 });
  const name = cell('姓名');
  if (name && !NAME.test(name)) fail('姓名', 'name.invalid');

  let id: ReturnType<typeof sealParsedId> | null = null;
  const idText = cell('身份证号');
  if (/e\+/i.test(idText)) fail('身份证号', 'id_number.scientific');
  else if (idText) {
    const parsed = parseIdNumber(idText);
    if (parsed.ok) id = sealParsedId(ctx.cipher, parsed.id);
    else fail('身份证号', `id_number.${parsed.problem}`);
  }
  let phone: ReturnType<typeof sealPhone> = null;
  try {
    phone = sealPhone(ctx.cipher, cell('联系电话'));
  } catch {
    fail('联系电话', 'phone.invalid');
  }

  const healthText = cell('健康状况');
  const gradeText = cell('残疾等级');
  if (!ctx.seesHealth && (healthText || gradeText)) fail('健康状况', 'health.forbidden');
  const grade = gradeText === '' ? null : (GRADES[gradeText.replace(/^([一二三四1-4])级?$/, '$1')] ?? null);
  if (gradeText !== '' && grade === null) fail('残疾等级', 'disability_grade.invalid');

  const tags: string[] = [];
  for (const t of cell('人员标签').split(/[、,，;；]/)) {
    const label = t.trim();
    if (!label) continue;
    const tag = ctx.tags.get(label);
    if (tag) tags.push(tag);
    else fail('人员标签', 'tag.unknown', { value: quote(label) });
  }
  const party = cell('党员');
  if (!YES.has(party) && !NO.has(party)) fail('党员', 'party_member.invalid');
  const yearText = cell('搬迁年份');
  const year = yearText === '' ? null : Number(yearText);
  if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    fail('搬迁年份', 'relocation_year.invalid');

  const staged: StagedRow = {
    rowNo: row.rowNo,
    householdKey: key.slice(0, 64),
    bad: false,
    relation: code('与户主关系'),
    name: name || null,
    initials: name ? initials(name) : null,
    idCipher: id?.cipher ?? null,
    idHash: id?.hash ?? null,
    idMasked: id?.masked ?? null,
    sex: id?.parsed.sex ?? null,
    birthDate: id?.parsed.birthDate ?? null,
    ethnicity: code('民族'),
    phoneCipher: phone?.cipher ?? null,
    phoneHash: phone?.hash ?? null,
    phoneMasked: phone?.masked ?? null,
    education: code('文化程度'),
    health: code('健康状况'),
    disabilityGrade: grade,
    labourCapacity: code('劳动能力'),
    tags: cell('人员标签') === '' ? null : [...new Set(tags)],
    partyMember: party === '' ? null : YES.has(party),
    relocationYear: year !== null && Number.isInteger(year) ? year : null,
    resettlementType: code('安置方式'),
    povertyStatus: code('户类型'),
    hukouCode: cell('户籍地代码'),
    dwellingCode: cell('住房代码'),
    originCode: cell('迁出村代码'),
  };
  staged.bad = errors.length > 0;
  const order = (e: RowError) => IMPORT_HEADERS.indexOf(e.column as ImportHeader);
  return { staged, errors: errors.sort((a, b) => order(a) - order(b)) };
}
