import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@anju/contracts';
import { MESSAGE_TEXTS, messageText } from './texts.ts';

const WEB = path.resolve(import.meta.dirname, '../../../../web/src');

/** The web's wording of each notification kind in `language`, from the shared and the feature locale files. */
function webTexts(language: string): Record<string, string> {
  const files = [
    path.join(WEB, 'i18n', `${language}.json`),
    path.join(WEB, 'features/notifications/i18n', `${language}.json`),
  ];
  return Object.assign(
    {},
    ...files.map((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { notifications?: object }).notifications),
  );
}

describe('message texts', () => {
  it('say the same as the bell, in both languages, for every kind', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const web = webTexts(language);
      for (const kind of NOTIFICATION_KINDS) expect(MESSAGE_TEXTS[kind][language], kind).toBe(web[kind]);
    }
  });

  it('fill in their params, leaving none unfilled', () => {
    expect(messageText('report_closed', { title: '路灯不亮' }, 'zh-CN')).toBe(
      '您反映的“路灯不亮”已办结，谢谢您。请点开告诉我们您是否满意。',
    );
    expect(messageText('report_accepted', {}, 'en-US')).not.toContain('{{');
  });
});
