/** Resident identity numbers per GB 11643-1999: 6-digit region, birth date, sequence, check digit. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export interface ParsedIdNumber {
  /** The 18-character number (a 15-digit legacy number upgraded). */
  value: string;
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
  upgraded: boolean;
}

function validDate(y: number, m: number, d: number, today: Date): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1900 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    date.getTime() <= today.getTime()
  );
}

/**
 * The 18-character form of an ID number as typed: a 15-digit legacy number gets "19" before its
 * birth year and the check digit computed (GB 11643-1999); anything else is only trimmed and upper-cased.
 */
export function upgradeIdNumber(input: string): string {
  const value = input.trim().toUpperCase();
  if (!/^\d{15}$/.test(value)) return value;
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + checkDigit(first17);
}

/**
 * Validates and normalises an ID number; a 15-digit legacy number is upgraded to 18. The province is
 * always checked; `regionKnown`, when given, checks the whole 6-digit region code against division data.
 */
export function parseIdNumber(
  input: string,
  today = new Date(),
  regionKnown?: (code: string) => boolean,
): { ok: true; id: ParsedIdNumber } | { ok: false; problem: IdNumberProblem } {
  const upgraded = /^\d{15}$/.test(input.trim());
  const value = upgradeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (!PROVINCES.has(value.slice(0, 2)) || (regionKnown && !regionKnown(value.slice(0, 6))))
    return { ok: false, problem: 'region' };
  const [y, m, d] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(Number);
  if (!validDate(y, m, d, today)) return { ok: false, problem: 'birth_date' };
  if (checkDigit(value) !== value[17]) return { ok: false, problem: 'check_digit' };
  return {
    ok: true,
    id: {
      value,
      regionCode: value.slice(0, 6),
      birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
      sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
      upgraded,
    },
  };
}

/**
 * Shown on screen and in exports: the first and the last character (`5****************X`). The
 * province and the check digit are all it shows, so with the birth year and the place a viewer still
 * faces thousands of numbers (docs/security.md, "What is masked").
 */
export function maskIdNumber(value: string): string {
  return value.length <= 2
    ? '*'.repeat(value.length)
    : `${value[0]}${'*'.repeat(value.length - 2)}${value.at(-1)}`;
}

/** Mainland mobile numbers: 11 digits starting with 1; other numbers 7–20 digits and dashes. */
export function normalisePhone(input: string): string | null {
  const v = input.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(v)) return v;
  if (/^0\d{9,11}$/.test(v)) return v;
  return null;
}

export function maskPhone(value: string): string {
  return value.length < 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
