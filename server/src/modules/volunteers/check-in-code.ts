import { timingSafeEqual } from 'node:crypto';
import { CHECK_IN_CODE_SECONDS } from '@anju/contracts';
import type { Cipher } from '../../platform/crypto.ts';
import { invalid } from '../../platform/errors.ts';

const PURPOSE = 'volunteer_check_in';

const mac = (cipher: Cipher, activityId: number, expires: number) =>
  cipher.blindIndex(PURPOSE, `${activityId}.${expires}`);

/** The code shown at an activity: its id and expiry, signed with the server's key. */
export function issueCode(cipher: Cipher, activityId: number, now = Date.now()) {
  const expires = Math.floor(now / 1000) + CHECK_IN_CODE_SECONDS;
  return {
    token: `${activityId}.${expires}.${mac(cipher, activityId, expires)}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** The activity a scanned code names; refused when it was not made by this server or has expired. */
export function readCode(cipher: Cipher, token: string, now = Date.now()): number {
  const [id, exp, sig] = token.split('.');
  const activityId = Number(id);
  const expires = Number(exp);
  const expected =
    Number.isSafeInteger(activityId) && Number.isSafeInteger(expires) ? mac(cipher, activityId, expires) : '';
  if (!sig || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected)))
    throw invalid('token', 'not a valid check-in code');
  if (expires * 1000 < now) throw invalid('token', 'the code has expired: scan the code shown now');
  return activityId;
}
