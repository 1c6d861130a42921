import { z } from 'zod';
import type { ErrorDetail } from '@anju/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Answers } from './attributes.ts';
import { parseW3c } from './w3c.ts';

/** A 400 carrying every problem found, one <error> each. */
export const badRequest = (errors: ErrorDetail[]) =>
  new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);

/** A POST body, flat: `fields` by name, `answers` from attribute[code] and attribute[code][]. */
export interface Submission {
  fields: Record<string, unknown>;
  answers: Answers;
}

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

function answer(answers: Answers, code: string, value: string, many: boolean) {
  const had = answers[code];
  answers[code] = many || had !== undefined ? [...(had === undefined ? [] : [had].flat()), value] : value;
}

/** application/x-www-form-urlencoded, as the spec sends a new request: a repeated name gives a list. */
export function formObject(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : [had, v].flat();
  }
  return out;
}

/** A form or JSON body: the spec's names, with answers as attribute[code], attribute[code][] or an `attribute` object. */
export function submissionOf(body: unknown): Submission {
  const out: Submission = { fields: {}, answers: {} };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return out;
  const add = (code: string, v: unknown, many: boolean) =>
    [v].flat().forEach((x) => answer(out.answers, code, String(x), many || Array.isArray(v)));
  for (const [k, v] of Object.entries(body)) {
    const m = ATTRIBUTE.exec(k);
    if (m) add(m[1], v, m[2] !== undefined);
    else if (k === 'attribute' && v !== null && typeof v === 'object' && !Array.isArray(v))
      Object.entries(v).forEach(([code, a]) => add(code, a, false));
    else out.fields[k] = v;
  }
  return out;
}

// "A null parameter should be treated as equivalent to a non-declared parameter."
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const text = (max: number) =>
  z.coerce
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain the NUL character');

export const PLACE_NEEDED =
  'is required: give the code of the grid, building or dwelling in Anju, or lat and long (a free-form address cannot be placed)';

/** The fields of POST requests that Anju keeps; jurisdiction_id, email, device_id and account_id are not kept. */
export const PostFields = z
  .object({
    service_code: z.preprocess((v) => v ?? '', text(32).pipe(z.string().min(1, 'is required'))),
    address_id: optional(text(64)),
    address_string: optional(text(255)),
    lat: optional(z.coerce.number().min(-90).max(90)),
    long: optional(z.coerce.number().min(-180).max(180)),
    first_name: optional(text(32)),
    last_name: optional(text(32)),
    phone: optional(text(20)),
    description: optional(text(4000)),
    media_url: optional(text(500).pipe(z.url({ protocol: /^https?$/ }))),
  })
  .superRefine((f, ctx) => {
    if (!f.address_id && !f.address_string && f.lat === undefined)
      ctx.addIssue({ code: 'custom', path: ['address_id'], message: PLACE_NEEDED });
    if ((f.lat === undefined) !== (f.long === undefined))
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and long go together' });
    if (`${f.last_name ?? ''}${f.first_name ?? ''}`.length > 32)
      ctx.addIssue({
        code: 'custom',
        path: ['first_name'],
        message: 'with last_name, at most 32 characters',
      });
  });
export type PostFields = z.infer<typeof PostFields>;

/** Problems of a zod parse as the fields the client sent. */
export const issues = (e: z.ZodError): ErrorDetail[] =>
  e.issues.map((i) => ({ field: String(i.path[0] ?? 'body'), reason: i.message }));

const DAY = 24 * 3600_000;
const LIST = (v: unknown) =>
  (typeof v === 'string' ? v : '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The filters of GET requests, checked; the date range defaults to, and may not exceed, 90 days. */
export function listFilter(query: Record<string, unknown>, now = new Date()) {
  const errors: ErrorDetail[] = [];
  const codes = LIST(query.service_request_id);
  if (codes.length) return { codes: codes.slice(0, 1000) };
  const date = (name: 'start_date' | 'end_date') => {
    const raw = query[name];
    if (raw === undefined || raw === '') return undefined;
    const at = typeof raw === 'string' ? parseW3c(raw) : null;
    if (!at)
      errors.push({
        field: name,
        reason: 'must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z',
      });
    return at ?? undefined;
  };
  const start = date('start_date');
  const end = date('end_date');
  const statuses = LIST(query.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    errors.push({ field: 'status', reason: 'must be open or closed, comma delimited' });
  const to = end ?? (start ? new Date(start.getTime() + 90 * DAY) : now);
  const from = start ?? new Date(to.getTime() - 90 * DAY);
  if (start && end && from > to) errors.push({ field: 'start_date', reason: 'must not be after end_date' });
  else if (to.getTime() - from.getTime() > 90 * DAY)
    errors.push({ field: 'end_date', reason: 'the range may not span more than 90 days' });
  if (errors.length) throw badRequest(errors);
  const categoryCodes = LIST(query.service_code);
  const open = new Set(statuses).size === 1 ? statuses[0] === 'open' : undefined;
  return { categoryCodes: categoryCodes.length ? categoryCodes : undefined, from, to, open };
}
