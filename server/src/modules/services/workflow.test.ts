import { describe, expect, it } from 'vitest';
import { allowedActions, refusal, RULES } from './workflow.ts';

const none = { official: false, provider: false, concerned: false };

describe('the need workflow table', () => {
  it('moves open → referred → accepted → in service → done → rated, a decline back to open', () => {
    expect(Object.fromEntries(Object.entries(RULES).map(([a, r]) => [a, [r.from.join('|'), r.to]]))).toEqual({
      refer: ['open', 'referred'],
      accept: ['referred', 'accepted'],
      decline: ['referred', 'open'],
      start: ['accepted', 'in_service'],
      finish: ['accepted|in_service', 'done'],
      rate: ['done', 'rated'],
    });
  });

  it('lets each party take only its own steps', () => {
    expect(allowedActions('open', { ...none, official: true }, { consent: true })).toEqual(['refer']);
    expect(allowedActions('referred', { ...none, provider: true }, { consent: true })).toEqual([
      'accept',
      'decline',
    ]);
    expect(allowedActions('accepted', { ...none, provider: true }, { consent: true })).toEqual([
      'start',
      'finish',
    ]);
    expect(allowedActions('done', { ...none, concerned: true }, { consent: true })).toEqual(['rate']);
    expect(allowedActions('done', { ...none, official: true, provider: true }, { consent: true })).toEqual(
      [],
    );
  });

  it('refuses a referral without consent, a step by someone else, a step out of its state', () => {
    expect(refusal('refer', 'open', { ...none, official: true }, { consent: false })).toBe('consent');
    expect(refusal('accept', 'referred', { ...none, official: true }, { consent: true })).toBe('who');
    expect(refusal('rate', 'in_service', { ...none, concerned: true }, { consent: true })).toBe('status');
    expect(refusal('rate', 'rated', { ...none, concerned: true }, { consent: true })).toBe('status');
  });
});
