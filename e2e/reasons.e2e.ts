import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { messages } from '../web/src/i18n/messages.ts';
import { reasonText } from '../web/src/ui/errors.ts';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** The string values of a top-level `const NAME = { … }` of the file, when the reason is `NAME[key]`. */
function constantStrings(file: ts.SourceFile, name: string): string[] | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
      const value = ts.isAsExpression(d.initializer) ? d.initializer.expression : d.initializer;
      if (!ts.isObjectLiteralExpression(value)) return undefined;
      const strings = value.properties.map((p) =>
        ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) ? p.initializer.text : undefined,
      );
      return strings.every((s) => s !== undefined) ? strings : undefined;
    }
  }
  return undefined;
}

/** Every reason given to `invalid(field, reason, params?)` in the server, or why one cannot be read. */
function serverReasons() {
  const reasons = new Map<string, string>();
  const problems: string[] = [];
  for (const name of sources(path.join(root, 'server/src'))) {
    const file = ts.createSourceFile(name, readFileSync(name, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'invalid'
      ) {
        const reason = node.arguments[1];
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        const at = `${path.relative(root, name)}:${line + 1}`;
        const constant =
          reason && ts.isElementAccessExpression(reason) && ts.isIdentifier(reason.expression)
            ? constantStrings(file, reason.expression.text)
            : undefined;
        if (reason && ts.isStringLiteralLike(reason)) reasons.set(reason.text, at);
        else if (constant) for (const text of constant) reasons.set(text, at);
        else if (reason && ts.isTemplateExpression(reason))
          problems.push(`${at}: the reason is a template with \${…}; give the values as params`);
        else problems.push(`${at}: the reason is not a string literal`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { reasons, problems };
}

/** Sample values of params; the coded ones must be codes the web has labels for. */
const SAMPLES: Record<string, string> = {
  level: 'grid',
  parentLevel: 'county',
  levels: 'village, community',
  status: 'moved_out',
};

const { reasons, problems } = serverReasons();

test('the server gives every reason for a field as a fixed sentence, its values as params', () => {
  expect(reasons.size).toBeGreaterThan(50);
  expect(problems).toEqual([]);
});

test.each(['zh-CN', 'en-US'] as const)('every reason the server gives reads in %s', async (language) => {
  const missing: string[] = [];
  const i18n = createInstance();
  await i18n.init({
    resources: { [language]: { translation: messages[language] } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => missing.push(key.replace('\u001f', '.')),
  });
  const unfilled: string[] = [];
  for (const [reason, at] of reasons) {
    const names = [...reason.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    const params = Object.fromEntries(names.map((n) => [n, SAMPLES[n] ?? '7']));
    if (reason.includes('{{levelEn}}')) params.levelZh = '党支部';
    const text = reasonText(i18n, { reason, params });
    if (/\{\{|\}\}/.test(text) || (language === 'zh-CN' && !/\p{Script=Han}/u.test(text)))
      unfilled.push(`${at}: ${reason} → ${text}`);
  }
  expect(missing).toEqual([]);
  expect(unfilled).toEqual([]);
});
