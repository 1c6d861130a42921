import enUS from './en-US.json';
import zhCN from './zh-CN.json';

export type Messages = { [key: string]: string | Messages };

/**
 * Each feature may keep its labels beside its code in `features/<name>/i18n/<language>.json`;
 * they are merged into the shared tree, and a key defined twice is an error.
 */
const featureFiles = import.meta.glob<Messages>('../features/*/i18n/*.json', {
  eager: true,
  import: 'default',
});

function merge(into: Messages, from: Messages, file: string, prefix = ''): Messages {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'string' || typeof existing === 'string') {
      if (existing !== undefined) throw new Error(`${file}: ${prefix}${key} is defined twice`);
      into[key] = value;
    } else {
      into[key] = merge(existing ?? {}, value, file, `${prefix}${key}.`);
    }
  }
  return into;
}

function build(language: string, core: Messages): Messages {
  const tree = structuredClone(core);
  for (const [file, messages] of Object.entries(featureFiles)) {
    if (file.endsWith(`/${language}.json`)) merge(tree, messages, file);
  }
  return tree;
}

export const messages = { 'zh-CN': build('zh-CN', zhCN), 'en-US': build('en-US', enUS) };
