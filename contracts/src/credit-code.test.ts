import { describe, expect, it } from 'vitest';
import { CreditCode, creditCheckCharacter, creditCodeProblem } from './credit-code.ts';

/** Codes of registered enterprises, and the example of GB 32100-2015 itself. */
const REAL = ['91350100M000100Y43', '91440300708461136T', '91330100799655058B', '914403001922038216'];

describe('unified social credit code (GB 32100)', () => {
  it.each(REAL)('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character, 0 where the remainder is nothing', () => {
    expect(creditCheckCharacter('91350100M000100Y4')).toBe('3');
    for (const code of REAL) expect(creditCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    const all = new Set<string>();
    for (let i = 0; i < 31; i++)
      all.add(creditCheckCharacter(`9144030070846113${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`));
    expect(all.size).toBe(31);
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100I43')).toBe('character');
    expect(creditCodeProblem('9135010oM000100Y43')).toBe('character');
    expect(creditCodeProblem('91A50100M000100Y43')).toBe('region');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    // one character changed or two swapped is caught
    expect(creditCodeProblem('91350100M000101Y43')).toBe('check');
    expect(creditCodeProblem('91350100M001000Y43')).toBe('check');
  });

  it('takes the code as typed: spaces and lower case', () => {
    expect(CreditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    const bad = CreditCode.safeParse('91350100M000100Y44');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('check character does not match');
  });
});
