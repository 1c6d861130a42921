import { describe, expect, it } from 'vitest';
import { parseIdNumber, upgradeIdNumber } from './id-number.ts';

const today = new Date('2026-11-25T00:00:00Z');

describe('15-digit legacy ID numbers (GB 11643-1999)', () => {
  it('upgrades by putting 19 before the birth year and computing the check digit', () => {
    // 110105 49 12 31 002 → 110105 1949 12 31 002 + X (the standard's worked example)
    expect(upgradeIdNumber(' 110105491231002 ')).toBe('11010519491231002X');
  });
  it('leaves an 18-character number as typed, upper-cased', () => {
    expect(upgradeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(upgradeIdNumber('1101054912310')).toBe('1101054912310');
  });
  it('checks the whole region code when told which codes are known', () => {
    const known = (code: string) => code === '110105';
    expect(parseIdNumber('11010519491231002X', today, known).ok).toBe(true);
    expect(parseIdNumber('110105491231002', today, known)).toMatchObject({
      ok: true,
      id: { upgraded: true },
    });
    expect(parseIdNumber('110199194912310026', today, known)).toEqual({ ok: false, problem: 'region' });
  });
});
