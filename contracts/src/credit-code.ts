import { z } from 'zod';

/**
 * The unified social credit code of an enterprise or organization (统一社会信用代码, GB 32100-2015):
 * 18 characters from 0–9 and the capital letters without I, O, Z, S and V — the registration
 * authority, the kind of entity, the 6-digit region code, the 9-character organization code
 * (GB 11714) and a check character over the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** The check character of the first 17 characters of a credit code. */
export function creditCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + CHARSET.indexOf(first17[i]!) * w, 0);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = 'length' | 'character' | 'region' | 'check';

/** Why `code` is not a credit code, or null when it is one. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !CHARSET.includes(c))) return 'character';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  if (creditCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}

const REASONS: Record<CreditCodeProblem, string> = {
  length: 'must have 18 characters',
  character: 'may hold only digits and capital letters other than I, O, Z, S and V',
  region: 'characters 3 to 8 must be the region code',
  check: 'check character does not match',
};

/** A credit code as typed: spaces dropped, upper-cased, then checked. */
export const CreditCode = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: REASONS[problem] });
  });
export type CreditCode = z.infer<typeof CreditCode>;
