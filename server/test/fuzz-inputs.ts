import type { InjectOptions } from 'fastify';

// Bad inputs generated from the OpenAPI document, the same for the same seed (see fuzz.test.ts).

/** mulberry32: small, seeded, the same sequence on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { chance: (p: number) => next() < p, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
type Rng = ReturnType<typeof rng>;

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: Schema;
}
export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

const BAD_STRINGS = [
  '',
  ' ',
  "'",
  '"',
  '{',
  '}',
  '{}',
  'a"b',
  "a'b",
  '{a,b}',
  'x,"y"},{z',
  '\\',
  "' OR 1=1 --",
  "'); DROP TABLE users; --",
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '@SUM(A1)',
  '-2+3',
  '%',
  '_',
  '*',
  '\u0000',
  'a\u0000b',
  '😀𝕏\u202e\u200b',
  '\ud800',
  '彝族　全角１２３',
  'x'.repeat(5000),
  '长'.repeat(2000),
  '0000-01-01',
  '9999-99-99',
  '9999-12-31',
  '0001-01-01',
  '2024-02-30',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999',
  'null',
  'true',
  '[]',
  '../../etc/passwd',
];
const BAD_NUMBERS = [0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER];
const BAD_IDS = ['abc', '-1', '0', '1.5', '1e3', '0x10', '99999999999999999999', "'", '%7B%7D', '%22', '长'];
const BAD_DATES = [
  '0000-01-01',
  '9999-99-99',
  '0001-01-01',
  '9999-12-31',
  '2024-02-30',
  '0000-12-31T23:59:59Z',
];

/** A bad value of any kind: a string, a number, a wrong type. */
function bad(r: Rng, s?: Schema): unknown {
  if (s?.format?.startsWith('date') && r.chance(0.6)) return r.pick(BAD_DATES);
  switch (r.int(8)) {
    case 0:
      return r.pick(BAD_NUMBERS);
    case 1:
      return r.pick([null, true, false, {}, [], { $ne: 1 }, { __proto__: { x: 1 } }]);
    case 2:
      return [r.pick(BAD_STRINGS), r.pick(BAD_NUMBERS)];
    case 3:
      return Array.from({ length: 200 + r.int(800) }, () => r.pick(BAD_STRINGS));
    default:
      return r.pick(BAD_STRINGS);
  }
}

/** A plausible value for the schema, drawing ids from the tree: it lets bad siblings reach deeper code. */
function plausible(r: Rng, s: Schema, ids: number[], depth = 0): unknown {
  const variants = s.anyOf ?? s.oneOf ?? s.allOf;
  if (variants) return plausible(r, r.pick(variants), ids, depth);
  if (s.const !== undefined) return s.const;
  if (s.enum) return r.pick(s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number') return (s.minimum ?? 0) + r.int(3);
  if (type === 'boolean') return r.chance(0.5);
  if (type === 'array') return depth > 3 || !s.items ? [] : [plausible(r, s.items, ids, depth + 1)];
  if (type === 'object' || s.properties) return object(r, s, ids, depth + 1);
  if (s.pattern?.startsWith('^[1-9]')) return String(r.pick(ids));
  if (s.format === 'date') return '2026-03-01';
  if (s.format === 'date-time') return '2026-03-01T08:00:00+08:00';
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** An object for the schema with some fields bad, some missing and now and then one extra. */
function object(r: Rng, s: Schema, ids: number[], depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    if (r.chance(0.1)) continue;
    out[name] = r.chance(0.3) || depth > 3 ? bad(r, prop) : plausible(r, prop, ids, depth);
  }
  if (r.chance(0.15)) out[r.pick(['extra', 'id', 'version', '__proto__', 'constructor'])] = bad(r);
  return out;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** A path segment; a lone surrogate goes as the invalid UTF-8 it would be on the wire. */
function encoded(text: string) {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A request for the operation: bad path ids, query values and bodies, now and then a broken envelope. */
export function request(r: Rng, op: Operation, ids: number[]): InjectOptions {
  let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    const value = r.chance(0.5) && p ? plausible(r, p.schema, ids) : r.chance(0.5) ? r.pick(BAD_IDS) : bad(r);
    const text = asText(value);
    return /%[0-9A-F]{2}/.test(text) ? text : encoded(text);
  });
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    if (r.chance(0.3)) continue;
    const value = r.chance(0.5) ? bad(r, p.schema) : plausible(r, p.schema, ids);
    for (const v of Array.isArray(value) && r.chance(0.5) ? value.slice(0, 5) : [value])
      query.append(p.name, asText(v));
  }
  if (r.chance(0.1)) query.append(r.pick(['extra', 'page', 'sort']), asText(bad(r)));
  if (query.size) url += `?${query}`;
  const opts: InjectOptions = { method: op.method as InjectOptions['method'], url, headers: {} };
  const json = { 'content-type': 'application/json' };
  const roll = r.int(10);
  if (op.body && roll < 6) opts.payload = object(r, op.body, ids);
  else if (op.body && roll === 6) opts.payload = JSON.stringify(bad(r));
  else if (roll === 7 && op.method !== 'GET') {
    opts.headers = json;
    opts.payload = r.pick([
      '{"a":',
      '',
      '{"a":1}}',
      '[',
      '\u0000',
      '{"__proto__":{"x":1}}',
      '['.repeat(5000),
    ]);
  } else if (roll === 8 && op.method === 'POST') Object.assign(opts, multipart(r));
  else if (roll === 9 && op.method !== 'GET') {
    opts.headers = {
      'content-type': r.pick(['text/plain', 'application/xml', 'application/json; charset=gbk']),
    };
    opts.payload = asText(object(r, op.body ?? {}, ids));
  }
  return opts;
}

/** Multipart uploads as broken clients send them: no boundary, unclosed parts, no file, odd names. */
function multipart(r: Rng): InjectOptions {
  const b = `fz${r.int(1e6)}`;
  const part = (name: string, filename: string, body: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${body}`;
  const bodies: [string, string][] = [
    ['multipart/form-data', part('file', 'a.xlsx', 'PK\u0003\u0004') + `\r\n--${b}--\r\n`],
    [`multipart/form-data; boundary=${b}`, part('file', 'a.csv', '姓名,身份证号\r\n张三,1')],
    [`multipart/form-data; boundary=${b}`, `--${b}\r\nContent-Disposition: form-data; name="file"\r\n\r\nx`],
    [`multipart/form-data; boundary=${b}`, `--${b}--\r\n`],
    [`multipart/form-data; boundary=${b}`, ''],
    [`multipart/form-data; boundary=${b}`, part('file', '\'"{}.csv', 'a,b\r\n') + `\r\n--${b}--\r\n`],
    [`multipart/form-data; boundary=${b}`, `garbage without any boundary`],
    [`multipart/form-data; boundary="${b}`, part('file', 'a.jpg', '\u00ff\u00d8\u00ff')],
  ];
  const [type, payload] = r.pick(bodies);
  return { headers: { 'content-type': type }, payload };
}

/** Every operation of the OpenAPI document the app serves. */
export function operations(spec: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content;
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
      };
    }),
  );
}
