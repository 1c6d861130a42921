import {
  maskIdNumber,
  maskPhone,
  normalisePhone,
  parseIdNumber,
  upgradeIdNumber,
  type ParsedIdNumber,
} from '@anju/contracts';
import type { Cipher } from '../../platform/crypto.ts';
import { AppError, fillReason, invalid } from '../../platform/errors.ts';
import { regionKnown } from './regions.ts';

export interface SealedId {
  parsed: ParsedIdNumber;
  cipher: string;
  hash: string;
  masked: string;
}

export interface SealedPhone {
  cipher: string;
  hash: string;
  masked: string;
}

const ID_REASONS = {
  format: 'must be 18 characters (17 digits and a digit or X) or a 15-digit legacy number',
  region: 'the first six digits are not a known region code (GB/T 2260)',
  birth_date: 'holds an impossible birth date',
  check_digit: 'check digit does not match (GB 11643)',
} as const;

/** Validates an ID number and prepares what is stored: ciphertext, blind index, masked form. */
export function sealIdNumber(cipher: Cipher, input: string, field = 'idNumber'): SealedId {
  const r = parseIdNumber(input, new Date(), regionKnown);
  if (!r.ok) throw invalid(field, ID_REASONS[r.problem]);
  return sealParsedId(cipher, r.id);
}

/** What is stored of an ID number already checked. */
export const sealParsedId = (cipher: Cipher, parsed: ParsedIdNumber): SealedId => ({
  parsed,
  cipher: cipher.encrypt(parsed.value),
  hash: idHash(cipher, parsed.value),
  masked: maskIdNumber(parsed.value),
});

/** The blind index of an ID number; a 15-digit legacy number indexes as its upgraded 18-digit form. */
export const idHash = (cipher: Cipher, value: string) =>
  cipher.blindIndex('id_number', upgradeIdNumber(value));
export const phoneHash = (cipher: Cipher, value: string) => cipher.blindIndex('phone', value);

export function sealPhone(cipher: Cipher, input: string | undefined, field = 'phone'): SealedPhone | null {
  if (input === undefined || input === '') return null;
  const value = normalisePhone(input);
  if (!value) throw invalid(field, 'not a valid phone number');
  return { cipher: cipher.encrypt(value), hash: phoneHash(cipher, value), masked: maskPhone(value) };
}

/** The ID number already belongs to someone: name them only when the caller may see them. */
export function duplicateId(field: string, visibleName: string | null) {
  const detail = visibleName
    ? { field, reason: 'already registered: {{name}}', params: { name: visibleName } }
    : { field, reason: 'already registered in another jurisdiction' };
  // the refusal tells that the number is registered somewhere: who asked is kept
  return new AppError('duplicate', `${field}: ${fillReason(detail.reason, detail.params)}`, [detail], {
    action: 'person.duplicate_id',
    targetType: 'person',
    result: 'denied',
    detail: { field, holderVisible: visibleName !== null },
  });
}

export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}
