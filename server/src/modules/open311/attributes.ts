import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ErrorDetail, Open311Attribute } from '@anju/contracts';
import { parseW3c } from './w3c.ts';

/**
 * The extra questions of a category, as `incident_categories.attributes` holds them: an object keyed
 * by attribute code, each entry an Open311 attribute definition without its code.
 */
const Definition = z.object({
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  description: z.string(),
  required: z.boolean().default(false),
  variable: z.boolean().default(true),
  datatype_description: z.string().nullable().default(null),
  order: z.number().int().positive().optional(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).default([]),
});
const Definitions = z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), Definition);

export type Attribute = z.infer<typeof Definition> & { code: string; order: number };

/**
 * A category's attributes in the order they are asked: by `order`, then (jsonb keeps no key order)
 * by code; numbered 1… so each order is unique, as the spec wants.
 */
export function attributesOf(stored: unknown): Attribute[] {
  return Object.entries(Definitions.parse(stored ?? {}))
    .sort(([a, x], [b, y]) => (x.order ?? Infinity) - (y.order ?? Infinity) || (a < b ? -1 : 1))
    .map(([code, d], i) => ({ ...d, code, order: i + 1 }));
}

/** The version of a category's attributes: a digest of what a client is shown, so any edit changes it. */
export function versionOf(attributes: Attribute[]): string {
  return createHash('sha256').update(JSON.stringify(attributes)).digest('base64url').slice(0, 16);
}

/** An official's list as `incident_categories.attributes` keeps it: keyed by code, ordered as listed. */
export function storedOf(list: Open311Attribute[]) {
  return Object.fromEntries(list.map(({ code, ...d }, i) => [code, { ...d, variable: true, order: i + 1 }]));
}

/** Submitted answers: attribute[code]=value, or attribute[code][]=value for several. */
export type Answers = Record<string, string | string[]>;

const MAX_LENGTH = { string: 200, text: 2000 } as const;

function check(a: Attribute, given: string[]): string | null {
  const keys = new Set(a.values.map((v) => v.key));
  switch (a.datatype) {
    case 'number':
      return given.length === 1 && given[0].trim() !== '' && Number.isFinite(Number(given[0]))
        ? null
        : 'must be a number';
    case 'datetime':
      return given.length === 1 && parseW3c(given[0]) ? null : 'must be a W3C date-time with a time zone';
    case 'singlevaluelist':
      return given.length === 1 && keys.has(given[0]) ? null : `must be one of ${[...keys].join(', ')}`;
    case 'multivaluelist':
      return given.every((g) => keys.has(g)) ? null : `must be among ${[...keys].join(', ')}`;
    default:
      if (given.length !== 1) return 'takes one value';
      if (a.datatype === 'string' && /[\r\n]/.test(given[0])) return 'must be one line';
      return given[0].length > MAX_LENGTH[a.datatype] ? `at most ${MAX_LENGTH[a.datatype]} characters` : null;
  }
}

/**
 * Checks answers against a category's attributes; returns the problems, or the answers as lines
 * ("question：answer") for the incident's description, where the handler reads them.
 */
export function answerLines(attributes: Attribute[], answers: Answers) {
  const errors: ErrorDetail[] = [];
  const lines: string[] = [];
  const known = new Map(attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(answers)) {
    if (!known.get(code)?.variable)
      errors.push({ field: `attribute[${code}]`, reason: 'not asked by this service' });
  }
  for (const a of attributes.filter((x) => x.variable)) {
    const raw = answers[a.code];
    const given = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((g) => g !== '');
    if (given.length === 0) {
      if (a.required) errors.push({ field: `attribute[${a.code}]`, reason: 'is required' });
      continue;
    }
    const problem = check(a, given);
    if (problem) {
      errors.push({ field: `attribute[${a.code}]`, reason: problem });
      continue;
    }
    const shown = a.values.length
      ? given.map((g) => a.values.find((v) => v.key === g)!.name).join('、')
      : given[0];
    lines.push(`${a.description}：${shown}`);
  }
  return { errors, lines };
}
