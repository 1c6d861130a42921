import { ERROR_CODES, PLACE_LEVELS, ROLES } from '@anju/contracts';
import { expect, test } from 'vitest';
import enUS from '../web/src/i18n/en-US.json' with { type: 'json' };
import zhCN from '../web/src/i18n/zh-CN.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

test('zh-CN and en-US have the same keys, none empty', () => {
  expect(keys(enUS).sort()).toEqual(keys(zhCN).sort());
  for (const tree of [zhCN, enUS]) {
    const empty = keys(tree).filter(
      (k) => !k.split('.').reduce<Tree | string>((t, p) => (t as Tree)[p], tree),
    );
    expect(empty).toEqual([]);
  }
});

test('every role, place level and error code has a label', () => {
  const all = new Set(keys(zhCN));
  const needed = [
    ...ROLES.flatMap((r) => [`roles.${r}`, `roleDescriptions.${r}`]),
    ...PLACE_LEVELS.map((l) => `levels.${l}`),
    ...ERROR_CODES.map((c) => `errors.${c}`),
  ];
  expect(needed.filter((k) => !all.has(k))).toEqual([]);
});
