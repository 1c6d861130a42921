/** Date-times as the W3C note on ISO 8601 has them, with the time zone the spec requires. */
const W3C = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The instant of a W3C date-time such as 2010-01-01T00:00:00Z or …T08:00:00+08:00; null if it is not one. */
export function parseW3c(text: string): Date | null {
  const m = W3C.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  // Date would roll 02-30 over into March: check every part stayed what it was
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** An instant in the spec's own form: 2010-01-01T00:00:00Z. */
export function w3c(at: Date | string | null): string | null {
  return at === null ? null : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
