import { describe, expect, it } from 'vitest';
import { evaluate, type Scope, type Value } from './evaluate.ts';
import { parseExpr, referencesOf } from './expr.ts';

const values: Record<string, Value> = {
  age: '34',
  name: '李明',
  fruits: 'apple banana',
  other: '',
  day: '2026-03-05',
  ages: { nodes: ['10', '20', '5'] },
  members: { nodes: ['', '', ''] },
};

const scope = (self = ''): Scope => ({
  ref: (n) => values[n] ?? '',
  self: () => self,
  position: () => 2,
  choiceLabel: (q, v) => (q === 'fruits' && v === 'apple' ? '苹果' : ''),
  now: new Date('2026-03-05T08:00:00Z'),
});

const run = (src: string, self = '') => evaluate(parseExpr(src), scope(self));

describe('the XLSForm expression language', () => {
  it.each([
    ['${age} > 18', true],
    ['${age} + 1', 35],
    ['${age} div 4', 8.5],
    ['${age} mod 5', 4],
    ['-${age}', -34],
    ["${name} = '李明' and not(${age} < 18)", true],
    ["${other} = '' or ${age} = 0", true],
    ["selected(${fruits}, 'banana')", true],
    ["selected(${fruits}, 'pear')", false],
    ['count-selected(${fruits})', 2],
    ['count(${members})', 3],
    ['sum(${ages})', 35],
    ['${ages} > 15', true],
    ["if(${age} >= 60, 'old', 'young')", 'young'],
    ["coalesce(${other}, 'none')", 'none'],
    ["concat(${name}, '-', ${age})", '李明-34'],
    ["substr('abcdef', 1, 3)", 'bc'],
    ['string-length(${name})', 2],
    ["regex('13812345678', '^1[3-9][0-9]{9}$')", true],
    ['today()', '2026-03-05'],
    ['${day} <= today()', true],
    ["${day} < '2026-03-04'", false],
    ['int(7.9)', 7],
    ['round(2.456, 2)', 2.46],
    ['position(..)', 2],
    ["jr:choice-name('apple', '${fruits}')", '苹果'],
    ['. >= 0 and . <= 120', true],
    ['(1 + 2) * 3', 9],
    ['1 + 2 * 3', 7],
    ['5 - 2 - 1', 2],
  ])('%s is %j', (src, want) => {
    expect(run(src, '42')).toEqual(want);
  });

  it('compares numbers as numbers and text as text, as XPath 1.0 does', () => {
    expect(run("'10' = 10.0")).toBe(true);
    expect(run("'10' = '10.0'")).toBe(false);
    expect(run("'abc' > 1")).toBe(false);
  });

  it('names what it cannot read', () => {
    expect(() => parseExpr('${age} >')).toThrow(/ends too early/);
    expect(() => parseExpr('${age} ? 1')).toThrow(/unexpected "\?"/);
    expect(() => parseExpr('(1 + 2')).toThrow(/expected "\)"/);
  });

  it('lists the references of an expression', () => {
    expect(referencesOf(parseExpr("if(${a} > 1, ${b}, concat(${c}, 'x'))"))).toEqual(['a', 'b', 'c']);
  });
});
