import { describe, expect, it } from 'vitest';
import { regionKnown } from './regions.ts';

describe('region code of an ID number', () => {
  it.each([
    ['530602', 'a current district (昭阳区)'],
    ['110105', 'a current district (朝阳区)'],
    ['520321', 'a county abolished in 2016 (遵义县, now 播州区 520304)'],
    ['522401', 'a code of the 毕节地区 renumbered in 2011 (now 5205)'],
    ['532128', 'a county of the 昭通地区 renumbered in 2001 (镇雄县, now 530627)'],
    ['530101', 'the 市辖区 code of a prefecture, as older numbers carry'],
  ])('accepts %s, %s', (code) => expect(regionKnown(code)).toBe(true));

  it.each([
    ['530699', 'no such county under the current prefecture 昭通市'],
    ['530600', 'a prefecture, not a county'],
    ['110000', 'a province'],
  ])('refuses %s, %s', (code) => expect(regionKnown(code)).toBe(false));
});
