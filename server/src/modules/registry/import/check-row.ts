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
import { regionKnown } from '../regions.ts';
import { ZH } from '../labels.ts';
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
  /** Birth dates after it are impossible. */
  today: Date;
}

const NAME = /^[\p{L}\p{M}·•. -]{1,32}$/u;
const GRADES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const YES = new Set(['是', 'true', 'TRUE', '1', 'Y', 'y']);
const NO = new Set(['否', '', 'false', 'FALSE', '0', 'N', 'n']);
const REQUIRED: ImportHeader[] = ['户编号', '与户主关系', '姓名', '身份证号', '劳动能力', '户籍地代码'];
const REQUIRED_FOR_HOUSEHOLD: ImportHeader[] = ['住房代码', '安置方式', '户类型'];

const col = (h: ImportHeader) => IMPORT_HEADERS.indexOf(h);
const C = Object.fromEntries(IMPORT_HEADERS.map((h, i) => [h, i])) as Record<ImportHeader, number>;
const REQUIRED_COLUMNS = IMPORT_HEADERS.flatMap((h, i) =>
  REQUIRED.includes(h) || REQUIRED_FOR_HOUSEHOLD.includes(h) ? [i] : [],
);

/** Code by code or Chinese label, for each column holding a code list. */
const LISTS = new Map(
  (
    [
      ['与户主关系', 'relation'],
      ['民族', 'ethnicity'],
      ['文化程度', 'education'],
      ['健康状况', 'health'],
      ['劳动能力', 'labour'],
      ['安置方式', 'resettlement'],
      ['户类型', 'poverty'],
    ] as const
  ).map(([h, list]) => [
    col(h),
    new Map(
      Object.entries(ZH[list]).flatMap(([code, label]) => [[label, code] as const, [code, code] as const]),
    ),
  ]),
);

const initialsCache = new Map<string, string>();
function initials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    if (initialsCache.size > 100_000) initialsCache.clear();
    initialsCache.set(name, (v = initialsOf(name).slice(0, 32)));
  }
  return v;
}

const DAY = 86_400_000;
// Excel counts days from 1899-12-30 (its 1900 leap year bug cancels out from March 1900 on)
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (year: number) => (Date.UTC(year, 0, 1) - EXCEL_EPOCH) / DAY;
const [FIRST_YEAR, LAST_YEAR] = [2000, 2100];
const TYPED_DATE = /^(\d{4})(?:\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?|\s*月)?)?(?:\s*年)?$/;

/**
 * The year of 搬迁年份: a year, a date as typed (2019-05-01, 2019年5月) or a date as Excel stores
 * it, a number of days (43586); null when empty, undefined when it is none of them.
 */
function yearOf(text: string): number | null | undefined {
  if (text === '') return null;
  const typed = TYPED_DATE.exec(text);
  let year = typed ? Number(typed[1]) : undefined;
  const serial = Number(text);
  if (
    !typed &&
    /^\d+(\.\d+)?$/.test(text) &&
    serial >= serialOf(FIRST_YEAR) &&
    serial < serialOf(LAST_YEAR + 1)
  )
    year = new Date(EXCEL_EPOCH + Math.floor(serial) * DAY).getUTCFullYear();
  return year !== undefined && year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

// a cell quoted back in a report is cut short, so one long cell cannot bloat it
const quote = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/** Checks of one row: its errors, in the template's column order once sorted. */
class Row {
  errors: RowError[] = [];
  constructor(readonly source: SourceRow) {}

  fail(column: number, reason: ImportReason, params?: ImportReasonParams) {
    this.errors.push({ rowNo: this.source.rowNo, column: IMPORT_HEADERS[column], reason, params });
  }

  /** The code of a code-list cell; null when empty (or unknown, reported). */
  code(column: number): string | null {
    const v = this.source.cells[column];
    if (v === '') return null;
    const c = LISTS.get(column)!.get(v);
    if (c === undefined) this.fail(column, 'value.unknown', { value: quote(v) });
    return c ?? null;
  }
}

/** Checks one row on its own (codes, ID number, phone, labels) and seals its identifiers. */
export function checkRow(source: SourceRow, ctx: CheckContext): { staged: StagedRow; errors: RowError[] } {
  const row = new Row(source);
  const cells = source.cells;
  for (const i of REQUIRED_COLUMNS) if (cells[i] === '') row.fail(i, 'cell.required');
  const key = cells[C.户编号];
  if (key.length > 64) row.fail(C.户编号, 'cell.too_long', { max: 64 });
  const name = cells[C.姓名];
  if (name && !NAME.test(name)) row.fail(C.姓名, 'name.invalid');

  let id: ReturnType<typeof sealParsedId> | null = null;
  const idText = cells[C.身份证号];
  if (/e\+/i.test(idText)) row.fail(C.身份证号, 'id_number.scientific');
  else if (idText) {
    const parsed = parseIdNumber(idText, ctx.today, regionKnown);
    if (parsed.ok) id = sealParsedId(ctx.cipher, parsed.id);
    else row.fail(C.身份证号, `id_number.${parsed.problem}`);
  }
  let phone: ReturnType<typeof sealPhone> = null;
  try {
    phone = sealPhone(ctx.cipher, cells[C.联系电话]);
  } catch {
    row.fail(C.联系电话, 'phone.invalid');
  }

  const healthText = cells[C.健康状况];
  const gradeText = cells[C.残疾等级];
  if (!ctx.seesHealth && (healthText || gradeText)) row.fail(C.健康状况, 'health.forbidden');
  const grade = gradeText === '' ? null : (GRADES[gradeText.replace(/^([一二三四1-4])级?$/, '$1')] ?? null);
  if (gradeText !== '' && grade === null) row.fail(C.残疾等级, 'disability_grade.invalid');

  const tagText = cells[C.人员标签];
  let tags: string[] | null = null;
  if (tagText !== '') {
    tags = [];
    for (const t of tagText.split(/[、,，;；]/)) {
      const label = t.trim();
      if (!label) continue;
      const tag = ctx.tags.get(label);
      if (tag === undefined) row.fail(C.人员标签, 'tag.unknown', { value: quote(label) });
      else if (!tags.includes(tag)) tags.push(tag);
    }
  }
  const party = cells[C.党员];
  if (!YES.has(party) && !NO.has(party)) row.fail(C.党员, 'party_member.invalid');
  const year = yearOf(cells[C.搬迁年份]);
  if (year === undefined) row.fail(C.搬迁年份, 'relocation_year.invalid');

  const staged: StagedRow = {
    rowNo: source.rowNo,
    // a row left without its number fails, and with it the household above it: never part of one
    householdKey: (key || source.above || '').slice(0, 64),
    bad: false,
    relation: row.code(C.与户主关系),
    name: name || null,
    initials: name ? initials(name) : null,
    idCipher: id?.cipher ?? null,
    idHash: id?.hash ?? null,
    idMasked: id?.masked ?? null,
    sex: id?.parsed.sex ?? null,
    birthDate: id?.parsed.birthDate ?? null,
    ethnicity: row.code(C.民族),
    phoneCipher: phone?.cipher ?? null,
    phoneHash: phone?.hash ?? null,
    phoneMasked: phone?.masked ?? null,
    education: row.code(C.文化程度),
    health: row.code(C.健康状况),
    disabilityGrade: grade,
    labourCapacity: row.code(C.劳动能力),
    tags,
    partyMember: party === '' ? null : YES.has(party),
    relocationYear: year ?? null,
    resettlementType: row.code(C.安置方式),
    povertyStatus: row.code(C.户类型),
    hukouCode: cells[C.户籍地代码],
    dwellingCode: cells[C.住房代码],
    originCode: cells[C.迁出村代码],
  };
  const errors = row.errors;
  staged.bad = errors.length > 0;
  if (errors.length > 1) errors.sort((a, b) => col(a.column as ImportHeader) - col(b.column as ImportHeader));
  return { staged, errors };
}
