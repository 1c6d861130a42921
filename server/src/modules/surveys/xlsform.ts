import type ExcelJS from 'exceljs';
import {
  ExprError,
  FUNCTION_NAMES,
  parseExpr,
  type Choice,
  type ErrorDetail,
  type Expr,
  type FormDefinition,
  type Question,
  type QuestionType,
  type Texts,
} from '@anju/contracts';
import { AppError } from '../../platform/errors.ts';
import { cellText, xlsxSheets } from '../../platform/files/xlsx.ts';

/** Why a form cannot be used: fixed sentences the web translates. */
export const FORM_REASONS = {
  noSurvey: 'the workbook has no survey sheet with type and name columns',
  type: 'unknown question type {{type}}',
  name: 'a name starts with a letter or _ and holds only letters, digits, _, - and .',
  duplicate: 'the name {{name}} is used already on row {{first}}',
  list: 'the choice list {{list}} is not on the choices sheet',
  listName: 'a select question needs the name of its choice list',
  unbalanced: '{{kind}} without its match',
  unclosed: 'begin {{kind}} is never ended',
  reference: 'refers to {{name}}, which is not a question of the form',
  function: 'uses the function {{name}}, which forms cannot use',
  expression: 'the expression cannot be read: {{problem}}',
  empty: 'the form has no questions',
  notWorkbook: 'an XLSForm is an .xlsx workbook with survey, choices and settings sheets',
} as const;

/** A sheet as rows of cells by lower-case header, with their row numbers. */
interface SheetRows {
  headers: string[];
  rows: { rowNo: number; cells: Map<string, string> }[];
}

/** A header as XLSForm reads it: the column in lower case, a language after `::` as written. */
const headerOf = (h: string) => {
  const [column, ...language] = h.split('::');
  return [column.trim().toLowerCase(), ...language.map((l) => l.trim())].join('::');
};

async function readSheets(file: string): Promise<Map<string, SheetRows>> {
  const sheets = new Map<string, SheetRows>();
  try {
    for await (const sheet of xlsxSheets(file, 'cache')) {
      const out: SheetRows = { headers: [], rows: [] };
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
        if (values.every((v) => v === '')) continue;
        if (!out.headers.length) out.headers = values.map(headerOf);
        else
          out.rows.push({
            rowNo: row.number,
            cells: new Map(out.headers.map((h, i) => [h, values[i] ?? ''])),
          });
      }
      sheets.set(sheet.name.trim().toLowerCase(), out);
    }
  } catch (err) {
    const reason = `the file could not be read as .xlsx: ${(err as Error).message}`.slice(0, 300);
    throw new AppError('validation_failed', reason, [{ field: 'file', reason: 'file.unreadable' }]);
  }
  return sheets;
}

const TYPES: Record<string, QuestionType> = Object.fromEntries(
  [
    'text',
    'integer',
    'decimal',
    'date',
    'time',
    'geopoint',
    'image',
    'note',
    'acknowledge',
    'calculate',
    'hidden',
  ].map((t) => [t, t as QuestionType]),
);
Object.assign(TYPES, {
  datetime: 'dateTime',
  int: 'integer',
  string: 'text',
  photo: 'image',
  trigger: 'acknowledge',
});
/** Metadata ODK fills in by itself: kept as hidden values so forms written for ODK import as they are. */
const METADATA = [
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'phonenumber',
  'email',
  'audit',
  'simserial',
  'subscriberid',
];

const NAME = /^[A-Za-z_][\w.-]*$/;

/** Texts of a column by language: `label`, `label::Chinese (zh)`; a bare column is the default language. */
function texts(cells: Map<string, string>, column: string, defaultLanguage: string): Texts {
  const out: Texts = {};
  for (const [h, v] of cells) {
    if (!v) continue;
    if (h === column) out[defaultLanguage] = v;
    else if (h.startsWith(`${column}::`)) out[h.slice(column.length + 2)] = v;
  }
  return out;
}

/** Reads an XLSForm workbook into a form, or refuses it with an error for each sheet, row and column at fault. */
export async function readXlsForm(file: string): Promise<FormDefinition> {
  const sheets = await readSheets(file);
  const errors: ErrorDetail[] = [];
  const at = (
    sheet: string,
    row: number,
    column: string,
    reason: string,
    params: Record<string, string | number> = {},
  ) =>
    errors.push({ field: `${sheet}[${row}].${column}`, reason, params: { sheet, row, column, ...params } });

  const survey = sheets.get('survey');
  if (!survey || !survey.headers.includes('type') || !survey.headers.includes('name'))
    throw new AppError('validation_failed', FORM_REASONS.noSurvey, [
      { field: 'survey', reason: FORM_REASONS.noSurvey },
    ]);
  const settings = sheets.get('settings')?.rows[0]?.cells ?? new Map<string, string>();
  const defaultLanguage = settings.get('default_language') ?? '';
  const languages = new Set<string>();
  const noteLanguages = (h: string) => {
    const m = /^(label|hint|required_message|constraint_message)::(.+)$/.exec(h);
    if (m) languages.add(m[2]);
  };
  survey.headers.forEach(noteLanguages);

  const choices: Record<string, Choice[]> = {};
  const choiceSheet = sheets.get('choices');
  for (const { rowNo, cells } of choiceSheet?.rows ?? []) {
    const list = cells.get('list_name') ?? cells.get('list name') ?? '';
    const name = cells.get('name') ?? '';
    if (!list) continue;
    const extra = Object.fromEntries(
      [...cells].filter(([h]) => !/^(list[_ ]name|name|label(::.*)?|media::.*)$/.test(h)),
    );
    if (!name) at('choices', rowNo, 'name', FORM_REASONS.name);
    (choices[list] ??= []).push({ name, label: texts(cells, 'label', defaultLanguage), columns: extra });
  }
  choiceSheet?.headers.forEach(noteLanguages);

  const root: Question[] = [];
  const stack: { q?: Question; kind: 'group' | 'repeat'; rowNo: number; children: Question[] }[] = [
    { kind: 'group', rowNo: 0, children: root },
  ];
  const seen = new Map<string, number>();
  const expressions: { rowNo: number; column: string; src: string }[] = [];
  for (const { rowNo, cells } of survey.rows) {
    const typeCell = (cells.get('type') ?? '').trim();
    const name = cells.get('name') ?? '';
    if (!typeCell) continue;
    const [word, ...rest] = typeCell.replace(/^(begin|end)_/, '$1 ').split(/\s+/);
    const kind = word.toLowerCase();
    if (kind === 'end') {
      const closes = (rest[0] ?? '').toLowerCase();
      const top = stack.at(-1)!;
      if (stack.length === 1 || top.kind !== closes)
        at('survey', rowNo, 'type', FORM_REASONS.unbalanced, { kind: `end ${closes}` });
      else stack.pop();
      continue;
    }
    const text = (column: string) => texts(cells, column, defaultLanguage);
    const opt = (column: string) => cells.get(column) || undefined;
    const q: Question = {
      type: 'text',
      name,
      row: rowNo,
      label: text('label'),
      hint: text('hint'),
      requiredMessage: text('required_message'),
      constraintMessage: text('constraint_message'),
      required: opt('required'),
      relevant: opt('relevant'),
      constraint: opt('constraint'),
      calculation: opt('calculation'),
      default: opt('default'),
      choiceFilter: opt('choice_filter'),
      appearance: opt('appearance'),
      readOnly: /^(yes|true)$/i.test(cells.get('read_only') ?? '') || undefined,
    };
    if (kind === 'begin') {
      const what = (rest[0] ?? '').toLowerCase();
      if (what !== 'group' && what !== 'repeat') {
        at('survey', rowNo, 'type', FORM_REASONS.type, { type: typeCell });
        continue;
      }
      q.type = what;
      q.children = [];
      stack.at(-1)!.children.push(q);
      stack.push({ q, kind: what, rowNo, children: q.children });
    } else if (kind === 'select_one' || kind === 'select_multiple') {
      q.type = kind;
      q.listName = rest[0];
      q.orOther = rest[1] === 'or_other' || undefined;
      if (!q.listName) at('survey', rowNo, 'type', FORM_REASONS.listName);
      else if (!choices[q.listName]) at('survey', rowNo, 'type', FORM_REASONS.list, { list: q.listName });
      stack.at(-1)!.children.push(q);
    } else if (TYPES[kind] || METADATA.includes(kind)) {
      q.type = TYPES[kind] ?? 'hidden';
      stack.at(-1)!.children.push(q);
    } else {
      at('survey', rowNo, 'type', FORM_REASONS.type, { type: typeCell });
      continue;
    }
    if (!NAME.test(name)) at('survey', rowNo, 'name', FORM_REASONS.name);
    else if (seen.has(name))
      at('survey', rowNo, 'name', FORM_REASONS.duplicate, { name, first: seen.get(name)! });
    else seen.set(name, rowNo);
    for (const column of ['required', 'relevant', 'constraint', 'calculation', 'choice_filter']) {
      const src = cells.get(column);
      if (src && !(column === 'required' && /^(yes|no|true|false)$/i.test(src)))
        expressions.push({ rowNo, column, src });
    }
  }
  for (const open of stack.slice(1))
    at('survey', open.rowNo, 'type', FORM_REASONS.unclosed, { kind: open.kind });

  for (const { rowNo, column, src } of expressions) {
    let e: Expr;
    try {
      e = parseExpr(src);
    } catch (err) {
      if (!(err instanceof ExprError)) throw err;
      at('survey', rowNo, column, FORM_REASONS.expression, { problem: err.message });
      continue;
    }
    checkExpr(e, (reason, params) => at('survey', rowNo, column, reason, params), seen);
  }
  if (!root.length && !errors.length) errors.push({ field: 'survey', reason: FORM_REASONS.empty });
  if (errors.length) throw new AppError('validation_failed', 'the form cannot be used', errors);
  const title = settings.get('form_title') || 'form';
  return {
    title,
    formId: settings.get('form_id') || title,
    version: settings.get('version') || '1',
    defaultLanguage,
    languages: [...languages],
    questions: root,
    choices,
  };
}

function checkExpr(
  e: Expr,
  fail: (reason: string, params: Record<string, string>) => void,
  names: Map<string, number>,
) {
  if (e.kind === 'ref' && !names.has(e.name)) fail(FORM_REASONS.reference, { name: `\${${e.name}}` });
  if (e.kind === 'call' && !FUNCTION_NAMES.has(e.name)) fail(FORM_REASONS.function, { name: `${e.name}()` });
  const parts =
    e.kind === 'bin' ? [e.left, e.right] : e.kind === 'neg' ? [e.arg] : e.kind === 'call' ? e.args : [];
  for (const p of parts) checkExpr(p, fail, names);
}
