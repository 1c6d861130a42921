import { ExprError, type Expr } from './expr.ts';

/** A value of XPath 1.0: a string, a number, a boolean or a node-set (the values of its nodes). */
export type Value = string | number | boolean | { nodes: string[] };

/** What an expression reads: its references, the node it is about (`.`), its repeat and the form's choices. */
export interface Scope {
  ref(name: string): Value;
  self(): string;
  /** The 1-based position of the repeat instance the expression is in. */
  position(): number;
  /** A column of the choice a choice_filter is tried on. */
  column?(name: string): string;
  choiceLabel(question: string, value: string): string;
  now: Date;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const isNodes = (v: Value): v is { nodes: string[] } => typeof v === 'object';

export function str(v: Value): string {
  if (isNodes(v)) return v.nodes[0] ?? '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  return v;
}

/** A number as XPath reads it; a date (or date-time) counts the days since 1970-01-01, as ODK does. */
export function num(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = str(v).trim();
  if (s === '') return NaN;
  if (DATE.test(s)) return Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s) / DAY;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN;
}

export function bool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (isNodes(v)) return v.nodes.length > 0;
  return v.length > 0;
}

const nodesOf = (v: Value) => (isNodes(v) ? v.nodes : [str(v)]);

function compare(op: string, a: Value, b: Value): boolean {
  if (isNodes(a) || isNodes(b)) {
    if (typeof a === 'boolean' || typeof b === 'boolean') return compare(op, bool(a), bool(b));
    return nodesOf(a).some((x) => nodesOf(b).some((y) => compare(op, x, y)));
  }
  if (op === '=' || op === '!=') {
    let eq: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') eq = bool(a) === bool(b);
    else if (typeof a === 'number' || typeof b === 'number') eq = num(a) === num(b);
    else eq = a === b;
    return op === '=' ? eq : !eq;
  }
  const x = num(a);
  const y = num(b);
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The words of a select_multiple answer. */
export const selectedOf = (v: string) => v.split(/\s+/).filter(Boolean);

function roundTo(x: number, digits: number) {
  const f = 10 ** digits;
  return Math.sign(x) * (Math.round(Math.abs(x) * f) / f);
}

type Fn = (args: Value[], scope: Scope, raw: Expr[]) => Value;

const FUNCTIONS: Record<string, Fn> = {
  true: () => true,
  false: () => false,
  not: ([a]) => !bool(a),
  boolean: ([a]) => bool(a),
  number: ([a]) => num(a),
  string: ([a]) => str(a),
  int: ([a]) => Math.trunc(num(a)),
  round: ([a, d]) => roundTo(num(a), d === undefined ? 0 : num(d)),
  floor: ([a]) => Math.floor(num(a)),
  ceiling: ([a]) => Math.ceil(num(a)),
  abs: ([a]) => Math.abs(num(a)),
  pow: ([a, b]) => num(a) ** num(b),
  selected: ([a, b]) => selectedOf(str(a)).includes(str(b).trim()),
  'selected-at': ([a, i]) => selectedOf(str(a))[num(i)] ?? '',
  'count-selected': ([a]) => selectedOf(str(a)).length,
  count: ([a]) => (isNodes(a) ? a.nodes.length : 1),
  sum: ([a]) => nodesOf(a).reduce((s, v) => s + num(v), 0),
  max: ([a]) => (nodesOf(a).length ? Math.max(...nodesOf(a).map(num)) : NaN),
  min: ([a]) => (nodesOf(a).length ? Math.min(...nodesOf(a).map(num)) : NaN),
  if: ([c, a, b]) => (bool(c) ? a : b),
  coalesce: ([a, b]) => (str(a) !== '' ? str(a) : str(b)),
  concat: (args) => args.map(str).join(''),
  join: ([sep, ...rest]) => rest.flatMap(nodesOf).join(str(sep)),
  substr: ([s, start, end]) => {
    const chars = [...str(s)];
    return chars.slice(num(start), end === undefined ? undefined : num(end)).join('');
  },
  'string-length': ([s]) => [...str(s)].length,
  contains: ([a, b]) => str(a).includes(str(b)),
  'starts-with': ([a, b]) => str(a).startsWith(str(b)),
  'ends-with': ([a, b]) => str(a).endsWith(str(b)),
  'normalize-space': ([a]) => str(a).trim().replace(/\s+/g, ' '),
  regex: ([s, re]) => new RegExp(str(re)).test(str(s)),
  today: (_a, scope) => localDay(scope.now),
  now: (_a, scope) => scope.now.toISOString(),
  date: ([a]) => (typeof a === 'number' ? new Date(a * DAY).toISOString().slice(0, 10) : str(a)),
  'decimal-date-time': ([a]) => num(a),
  position: (_a, scope) => scope.position(),
  uuid: () => globalThis.crypto.randomUUID(),
  once: ([a], scope) => (scope.self() !== '' ? scope.self() : str(a)),
  'jr:choice-name': ([v, q], scope) => {
    const name = /^\s*\$\{([^}]+)\}\s*$/.exec(str(q))?.[1] ?? str(q).split('/').pop() ?? '';
    return scope.choiceLabel(name, str(v));
  },
};

/** The functions the engine knows, for checking a form before it is used. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

/** Evaluates a parsed expression in a scope. */
export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'str':
      return e.value;
    case 'ref':
      return scope.ref(e.name);
    case 'self':
      return scope.self();
    case 'parent':
      return '';
    case 'column':
      if (!scope.column) throw new ExprError(`"${e.name}" is not a reference: write \${${e.name}}`);
      return scope.column(e.name);
    case 'neg':
      return -num(evaluate(e.arg, scope));
    case 'bin': {
      if (e.op === 'or') return bool(evaluate(e.left, scope)) || bool(evaluate(e.right, scope));
      if (e.op === 'and') return bool(evaluate(e.left, scope)) && bool(evaluate(e.right, scope));
      const a = evaluate(e.left, scope);
      const b = evaluate(e.right, scope);
      if (e.op === '+') return num(a) + num(b);
      if (e.op === '-') return num(a) - num(b);
      if (e.op === '*') return num(a) * num(b);
      if (e.op === 'div') return num(a) / num(b);
      if (e.op === 'mod') return num(a) % num(b);
      return compare(e.op, a, b);
    }
    case 'call': {
      const fn = FUNCTIONS[e.name];
      if (!fn) throw new ExprError(`unknown function ${e.name}()`);
      // a reference given to jr:choice-name names the question, it is not read
      const args =
        e.name === 'jr:choice-name'
          ? [
              evaluate(e.args[0], scope),
              e.args[1]?.kind === 'ref'
                ? `\${${e.args[1].name}}`
                : e.args[1]
                  ? evaluate(e.args[1], scope)
                  : '',
            ]
          : e.args.map((a) => evaluate(a, scope));
      return fn(args, scope, e.args);
    }
  }
}
