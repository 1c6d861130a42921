import { describe, expect, it } from 'vitest';
import { checkDigit, maskIdNumber, maskPhone, normalisePhone, parseIdNumber } from './id-number.ts';

const today = new Date('2026-11-25T00:00:00Z');

describe('GB 11643 check digit (ISO 7064 MOD 11-2)', () => {
  it('computes the worked example of the standard', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
    expect(checkDigit('11010519491231002')).toBe('X');
  });
  it('maps every remainder to its character', () => {
    // vary the last digit of a base number: each step of 1 in position 17 adds weight 2 to the sum
    const seen = new Set<string>();
    for (let d = 0; d <= 9; d++) seen.add(checkDigit(`5306021990010100${d}`));
    expect(seen.size).toBe(10);
    expect(checkDigit('53062719850315021')).toBe(checkDigit('53062719850315021'));
  });
});

describe('parseIdNumber', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    const r = parseIdNumber('11010519491231002x', today);
    expect(r).toEqual({
      ok: true,
      id: {
        value: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        upgraded: false,
      },
    });
  });
  it('derives male from an odd sequence digit', () => {
    const first17 = '53062719850315021';
    const r = parseIdNumber(first17 + checkDigit(first17), today);
    expect(r.ok && r.id.sex).toBe('male');
    expect(r.ok && r.id.birthDate).toBe('1985-03-15');
  });
  it('upgrades a 15-digit legacy number', () => {
    const r = parseIdNumber('110105491231002', today);
    expect(r).toMatchObject({ ok: true, id: { value: '11010519491231002X', upgraded: true } });
  });
  it.each([
    ['11010519491231002', 'format'],
    ['1101051949123100211', 'format'],
    ['11010519491231002Y', 'format'],
    ['99010519491231002X', 'region'],
    ['110105194902300020', 'birth_date'],
    ['110105203001010020', 'birth_date'],
    ['110105189912310020', 'birth_date'],
    ['110105194912310021', 'check_digit'],
    ['11010519491231002 0', 'format'],
  ])('refuses %s (%s)', (input, problem) => {
    const r = parseIdNumber(input, today);
    expect(r).toEqual({ ok: false, problem });
  });
  it('checks the birth date before the check digit', () => {
    const first17 = '11010519490230002';
    expect(parseIdNumber(first17 + checkDigit(first17), today)).toEqual({ ok: false, problem: 'birth_date' });
  });
});

describe('masking', () => {
  it('keeps only the first and the last character of an ID number', () => {
    expect(maskIdNumber('53262819850315123X')).toBe('5****************X');
  });
  it('masks a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('normalises phone numbers', () => {
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('0870-2123456')).toBe('08702123456');
    expect(normalisePhone('12345')).toBeNull();
  });
});
