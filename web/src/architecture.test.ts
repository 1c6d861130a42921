import { describe, expect, it } from 'vitest';

/** Every source file of the web app, by its path from `src/` (`features/grids/api.ts`). */
const sources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.slice(2), text]),
);

/** `a/b/../c/./d.ts` → `a/c/d.ts`. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** The files of `src/` a file imports (static, dynamic and re-exports), as paths from `src/`. */
export function importsOf(file: string, text: string): string[] {
  const dir = file.split('/').slice(0, -1).join('/');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)];
  return specifiers.map((m) => normalise(`${dir}/${m[1]}`));
}

/** The feature a path belongs to (`features/grids/api.ts` → `grids`), or undefined outside `features/`. */
const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1];

/** What other features may import of a feature: its query hooks and types, and its chosen components. */
const PUBLIC = /^features\/[^/]+\/(api|index)\.tsx?$/;

const edges = Object.entries(sources).flatMap(([file, text]) =>
  importsOf(file, text).map((target) => ({ file, target })),
);

describe('where code lives', () => {
  it('reads the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('ui/ imports no feature', () => {
    const wrong = edges.filter((e) => e.file.startsWith('ui/') && e.target.startsWith('features/'));
    expect(wrong).toEqual([]);
  });

  it("a feature imports only another feature's api.ts and index.ts", () => {
    const wrong = edges.filter((e) => {
      const from = featureOf(e.file);
      const to = featureOf(e.target);
      return from && to && from !== to && !PUBLIC.test(e.target);
    });
    expect(wrong).toEqual([]);
  });

  it('features do not import each other in a cycle', () => {
    const uses = new Map<string, Set<string>>();
    for (const { file, target } of edges) {
      const from = featureOf(file);
      const to = featureOf(target);
      if (!from || !to || from === to) continue;
      uses.set(from, (uses.get(from) ?? new Set()).add(to));
    }
    expect(findCycle(uses)).toEqual([]);
  });

  it("query hooks are made only in a feature's api.ts", () => {
    const wrong = Object.entries(sources)
      .filter(([file]) => file.startsWith('features/') && !PUBLIC.test(file))
      .filter(([, text]) => /\buse(Query|Mutation|InfiniteQuery|Queries)\s*[(<]/.test(text))
      .map(([file]) => file);
    expect(wrong).toEqual([]);
  });
});

/** One cycle of the graph as `a → b → a`, or [] when it has none. */
export function findCycle(uses: Map<string, Set<string>>): string[] {
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): string[] => {
    const at = trail.indexOf(node);
    if (at >= 0) return [...trail.slice(at), node];
    if (done.has(node)) return [];
    for (const next of uses.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle.length) return cycle;
    }
    done.add(node);
    return [];
  };
  for (const node of uses.keys()) {
    const cycle = visit(node, []);
    if (cycle.length) return [cycle.join(' → ')];
  }
  return [];
}

describe('the checks themselves', () => {
  it('resolves relative imports, re-exports and dynamic imports', () => {
    const text = [
      "import { a } from '../../ui/api.ts';",
      "export { B } from './components/B.tsx';",
      "const c = import('../cases/api.ts');",
      "import './side.css';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf('features/grids/index.ts', text)).toEqual([
      'ui/api.ts',
      'features/grids/components/B.tsx',
      'features/cases/api.ts',
      'features/grids/side.css',
    ]);
  });

  it('finds a cycle, and none in a chain', () => {
    const graph = (pairs: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of pairs) m.set(a, (m.get(a) ?? new Set()).add(b));
      return m;
    };
    expect(
      findCycle(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual(['a → b → c → a']);
    expect(
      findCycle(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toEqual([]);
  });
});
