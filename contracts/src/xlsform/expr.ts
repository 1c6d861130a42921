/**
 * The expression language of XLSForm (XPath 1.0 with the ODK functions) parsed into a tree:
 * `${name}` references, `.` and `..`, bare names (a choice's columns in a choice_filter),
 * literals, comparison and arithmetic, and/or, and function calls.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'ref'; name: string }
  | { kind: 'self' }
  | { kind: 'parent' }
  | { kind: 'column'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: string; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] };

/** An expression that cannot be read, with where it went wrong. */
export class ExprError extends Error {}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string };

const OPS = ['!=', '<=', '>=', '..', '=', '<', '>', '+', '-', '*', '(', ')', ',', '.', '|'];

function tokens(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const ref = /^\$\{\s*([A-Za-z_][\w.-]*)\s*\}/.exec(rest);
    const num = /^(\d+(\.\d*)?|\.\d+)/.exec(rest);
    const str = /^('[^']*'|"[^"]*")/.exec(rest);
    const name = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/.exec(rest);
    if (ref) out.push({ t: 'ref', v: ref[1] });
    else if (num) out.push({ t: 'num', v: Number(num[0]) });
    else if (str) out.push({ t: 'str', v: str[0].slice(1, -1) });
    else if (name) out.push({ t: 'name', v: name[0] });
    else {
      const op = OPS.find((o) => rest.startsWith(o));
      if (!op) throw new ExprError(`unexpected "${rest[0]}" at ${i + 1}`);
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    i += (ref ?? num ?? str ?? name)![0].length;
  }
  return out;
}

const BINARY: Record<string, number> = {
  or: 1,
  and: 2,
  '=': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  div: 6,
  mod: 6,
};

/** Parses an expression; throws ExprError naming what is wrong. */
export function parseExpr(src: string): Expr {
  const ts = tokens(src);
  let pos = 0;
  const peek = () => ts[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExprError(`expected "${v}"`);
    pos++;
  };
  const binaryOp = (): string | undefined => {
    const tk = peek();
    if (!tk) return undefined;
    if (tk.t === 'op' && tk.v in BINARY) return tk.v;
    if (tk.t === 'name' && ['or', 'and', 'div', 'mod'].includes(tk.v)) return tk.v;
    return undefined;
  };

  function primary(): Expr {
    const tk = ts[pos++];
    if (!tk) throw new ExprError('the expression ends too early');
    if (tk.t === 'num') return { kind: 'num', value: tk.v };
    if (tk.t === 'str') return { kind: 'str', value: tk.v };
    if (tk.t === 'ref') return { kind: 'ref', name: tk.v };
    if (tk.t === 'op') {
      if (tk.v === '-') return { kind: 'neg', arg: primary() };
      if (tk.v === '.') return { kind: 'self' };
      if (tk.v === '..') return { kind: 'parent' };
      if (tk.v === '(') {
        const e = binary(0);
        expect(')');
        return e;
      }
      throw new ExprError(`unexpected "${tk.v}"`);
    }
    if (isOp('(')) {
      pos++;
      const args: Expr[] = [];
      if (!isOp(')')) {
        args.push(binary(0));
        while (isOp(',')) {
          pos++;
          args.push(binary(0));
        }
      }
      expect(')');
      return { kind: 'call', name: tk.v, args };
    }
    return { kind: 'column', name: tk.v };
  }

  function binary(min: number): Expr {
    let left = primary();
    for (let op = binaryOp(); op && BINARY[op] > min; op = binaryOp()) {
      pos++;
      left = { kind: 'bin', op, left, right: binary(BINARY[op]) };
    }
    return left;
  }

  if (ts.length === 0) throw new ExprError('the expression is empty');
  const e = binary(0);
  if (pos < ts.length) throw new ExprError(`unexpected "${String(ts[pos].v)}"`);
  return e;
}

/** The `${name}` references of an expression, in order. */
export function referencesOf(e: Expr, out: string[] = []): string[] {
  if (e.kind === 'ref') out.push(e.name);
  else if (e.kind === 'neg') referencesOf(e.arg, out);
  else if (e.kind === 'bin') referencesOf(e.right, referencesOf(e.left, out));
  else if (e.kind === 'call') e.args.forEach((a) => referencesOf(a, out));
  return out;
}
