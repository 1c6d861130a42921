import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { namePath, reasonText } from './errors.ts';

/** The app's own messages in one language, without the browser's storage. */
async function inLanguage(lng: 'zh-CN' | 'en-US') {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { translation: messages[lng] } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

const en = await inLanguage('en-US');
const zh = await inLanguage('zh-CN');

describe('reasonText', () => {
  it('fills the params into the sentence, in both languages', () => {
    const detail = { reason: 'at most {{max}} photos a step', params: { max: 9 } };
    expect(reasonText(en, detail)).toBe('At most 9 photos a step');
    expect(reasonText(zh, detail)).toBe('每一步最多 9 张照片');
  });

  it('shows coded params by their labels', () => {
    const detail = {
      reason: 'a {{level}} cannot be placed under a {{parentLevel}}',
      params: { level: 'dwelling', parentLevel: 'community' },
    };
    expect(reasonText(en, detail)).toBe('Dwelling cannot be placed under Community');
    expect(reasonText(zh, detail)).toBe('安置社区下不能设住房');
    const status = { reason: 'the household is {{status}}', params: { status: 'moved_out' } };
    expect(reasonText(en, status)).toBe('The household is no longer active (Moved out)');
    expect(reasonText(zh, status)).toBe('该户已迁出，不能再登记变动');
  });

  it('reads a coded list as "one or the other"', () => {
    const detail = { reason: 'must be a {{levels}}', params: { levels: 'grid, building, dwelling' } };
    expect(reasonText(en, detail)).toBe('Must be a place of level Grid, Building, or Dwelling');
    expect(reasonText(zh, { ...detail, params: { levels: 'grid, building' } })).toBe('须为网格或楼栋');
  });

  it("keeps '.' and ':' of a reason as part of its key", () => {
    const reason = 'photos go with a report, a progress note or a reply: take that step first';
    expect(reasonText(en, { reason })).toBe(
      'Photos go with a report, a progress note or a reply: take that step first',
    );
    expect(reasonText(zh, { reason })).toBe('照片须随上报、进展或答复一起提交，请先完成这一步');
  });

  it('shows a reason it has no words for as the server gave it', () => {
    expect(reasonText(en, { reason: 'a reason no one wrote down' })).toBe('a reason no one wrote down');
  });
});

describe('namePath', () => {
  it('turns a field name into the form path, list positions as numbers', () => {
    expect(namePath('wage')).toEqual(['wage']);
    expect(namePath('members.1.idNumber')).toEqual(['members', 1, 'idNumber']);
  });
});
