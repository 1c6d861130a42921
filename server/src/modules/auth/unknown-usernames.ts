/** At most this many unknown usernames are remembered; the oldest is forgotten first. */
const CAPACITY = 10_000;

interface Attempts {
  count: number;
  lockedUntil: number;
}

/**
 * Sign-in attempts at usernames no account has, counted as an account's are so that the answers (wrong,
 * then locked after the same number of attempts) never tell which usernames exist. Kept in this process
 * only: no row is written for a name that is not an account.
 */
export class UnknownUsernames {
  private readonly attempts = new Map<string, Attempts>();

  /** Takes one attempt at `username`: undefined while "locked", else the count this attempt holds. */
  take(username: string, maxFailures: number, lockSeconds: number, now = Date.now()): number | undefined {
    const seen = this.attempts.get(username);
    if (seen && seen.lockedUntil > now) return undefined;
    const count = seen && seen.lockedUntil === 0 ? seen.count + 1 : 1;
    this.attempts.delete(username);
    if (this.attempts.size >= CAPACITY) this.attempts.delete(this.attempts.keys().next().value!);
    this.attempts.set(username, { count, lockedUntil: count >= maxFailures ? now + lockSeconds * 1000 : 0 });
    return count;
  }
}
