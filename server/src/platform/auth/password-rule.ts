import { readFileSync } from 'node:fs';
import { invalid } from '../errors.ts';

/** Common and local weak passwords, compared without case: one a line in weak-passwords.txt. */
const WEAK = new Set(
  readFileSync(new URL('./weak-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

// the product's name, in pinyin or characters, is the first thing an attacker of Anju tries
const PRODUCT_NAME = /anju|安居/i;

/**
 * Refuses, on `field`, a password that fits the character rule of the contract but is guessable: one
 * containing the username, the product name with digits (a year), or one of the list of weak passwords.
 */
export function assertAcceptablePassword(field: string, password: string, username: string) {
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase()))
    throw invalid(field, 'must not contain the username');
  if (PRODUCT_NAME.test(password) && /\d/.test(password))
    throw invalid(field, 'must not be the product name with a year or digits');
  if (WEAK.has(lower)) throw invalid(field, 'too common; choose one that is harder to guess');
}
