import {
  EDUCATION_LEVELS,
  ERROR_CODES,
  HEALTH_STATUSES,
  HOUSEHOLD_STATUSES,
  IMPORT_REASON_PARAMS,
  IMPORT_REASONS,
  JURISDICTION_SIDES,
  LABOUR_CAPACITIES,
  LIFE_EVENTS,
  NOTIFICATION_KINDS,
  PERSON_SORTS,
  PERSON_STATUSES,
  PLACE_LEVELS,
  POVERTY_STATUSES,
  RELATIONS,
  RESETTLEMENT_TYPES,
  ROLES,
  SEXES,
} from '@anju/contracts';
import { expect, test } from 'vitest';
import { messages } from '../web/src/i18n/messages.ts';

const zhCN = messages['zh-CN'];
const enUS = messages['en-US'];

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

/** Every text with its key; a reason's key is its English sentence, which may hold dots (".xlsx"). */
function texts(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : texts(v, `${prefix}${k}.`),
  );
}

test('zh-CN and en-US have the same keys, none empty', () => {
  expect(keys(enUS).sort()).toEqual(keys(zhCN).sort());
  for (const tree of [zhCN, enUS]) {
    const empty = texts(tree)
      .filter(([, text]) => !text.trim())
      .map(([key]) => key);
    expect(empty).toEqual([]);
  }
});

test('every role, place level, error code and notification kind has a label', () => {
  const all = new Set(keys(zhCN));
  const needed = [
    ...ROLES.flatMap((r) => [`roles.${r}`, `roleDescriptions.${r}`]),
    ...PLACE_LEVELS.map((l) => `levels.${l}`),
    ...ERROR_CODES.map((c) => `errors.${c}`),
    ...NOTIFICATION_KINDS.map((k) => `notifications.${k}`),
  ];
  expect(needed.filter((k) => !all.has(k))).toEqual([]);
});

test('every registry code list has a label for each code', () => {
  const all = new Set(keys(zhCN));
  const lists: [string, readonly string[]][] = [
    ['relation', RELATIONS],
    ['sex', SEXES],
    ['resettlement', RESETTLEMENT_TYPES],
    ['poverty', POVERTY_STATUSES],
    ['labour', LABOUR_CAPACITIES],
    ['education', EDUCATION_LEVELS],
    ['health', HEALTH_STATUSES],
    ['personStatus', PERSON_STATUSES],
    ['householdStatus', HOUSEHOLD_STATUSES],
    ['event', [...LIFE_EVENTS, 'create', 'update']],
    ['side', JURISDICTION_SIDES],
  ];
  const needed = [
    ...lists.flatMap(([list, codes]) => codes.map((c) => `codes.${list}.${c}`)),
    ...PERSON_SORTS.map((s) => `registry.filter.sorts.${s}`),
  ];
  expect(needed.filter((k) => !all.has(k))).toEqual([]);
});

test('every import reason has a label in both languages naming each of its parameters', () => {
  const label = (tree: Tree, key: string) =>
    key
      .split('.')
      .reduce<Tree | string | undefined>((t, p) => (typeof t === 'object' ? t[p] : undefined), tree);
  const missing = IMPORT_REASONS.flatMap((reason) =>
    [zhCN, enUS].flatMap((tree, i) => {
      const text = label(tree as Tree, `registry.importReasons.${reason}`);
      if (typeof text !== 'string') return [`${i ? 'en-US' : 'zh-CN'} ${reason}`];
      const params: readonly string[] = IMPORT_REASON_PARAMS[reason];
      return params.filter((p) => !text.includes(`{{${p}}}`)).map((p) => `${reason} {{${p}}}`);
    }),
  );
  expect(missing).toEqual([]);
});
