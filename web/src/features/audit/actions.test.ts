import { describe, expect, it } from 'vitest';
import { messages, type Messages } from '../../i18n/messages.ts';
import { FIXED_ACTIONS } from './actions.ts';

/** The server's sources of the employment, jobs and enterprises modules, tests left out. */
const serverSources = import.meta.glob<string>(
  [
    '../../../../server/src/modules/{employment,jobs,enterprises}/*.ts',
    '!../../../../server/src/modules/**/*.test.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/**
 * The audit actions a source writes: quoted codes of these modules (`'employment.labour'`), and
 * `` `job.${name}` `` expanded over the file's `type Step = 'a' | 'b'`.
 */
function actionsIn(text: string): string[] {
  const quoted = [...text.matchAll(/'((?:employment|job|enterprise)\.[a-z_]+)'/g)].map((m) => m[1]);
  const template = /action: `([a-z_]+)\.\$\{name\}`/.exec(text);
  const steps = /type Step = ([^;]+);/.exec(text);
  const expanded =
    template && steps ? [...steps[1].matchAll(/'([a-z_]+)'/g)].map((m) => `${template[1]}.${m[1]}`) : [];
  return [...quoted, ...expanded];
}

/** Actions the employment pages cause in another module: accepting wages saves the year's income. */
const THROUGH_OTHER_MODULES = ['monitoring.income'];

const written = [
  ...new Set([...Object.values(serverSources).flatMap(actionsIn), ...THROUGH_OTHER_MODULES]),
].sort();

const label = (tree: Messages, code: string) =>
  `audit.actions.${code}`
    .split('.')
    .reduce<Messages | string | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      tree,
    );

describe('audit actions of the employment and jobs modules', () => {
  it('are found in the server sources', () => {
    expect(Object.keys(serverSources).length).toBeGreaterThan(10);
    expect(written).toEqual(
      expect.arrayContaining([
        'employment.labour',
        'employment.record_create',
        'employment.record_end',
        'employment.ledger_import',
        'employment.zero_help',
        'employment.zero_recompute',
        'enterprise.create',
        'job.apply',
        'job.hire',
      ]),
    );
  });

  it.each(written)('%s is offered in the audit log filter', (code) => {
    expect(Object.values(FIXED_ACTIONS).flat()).toContain(code);
  });

  it.each(written)('%s has a name in zh-CN and en-US', (code) => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const name = label(messages[language], code);
      expect(typeof name, `${language} audit.actions.${code}`).toBe('string');
      expect(name).not.toBe('');
    }
  });
});
