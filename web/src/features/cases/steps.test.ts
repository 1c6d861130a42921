import type { MonitoringCase } from '@anju/contracts';
import { describe, expect, it } from 'vitest';
import { DAY, DECIDING, daysOverdue, dayOf, ELIMINATION, IDENTIFICATION } from './steps.ts';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const at = (days: number) => new Date(NOW + days * DAY).toISOString();
const caseAt = (c: Partial<MonitoringCase>) =>
  ({ step: 'verification', stepDueAt: null, decisionDueAt: at(10), ...c }) as MonitoringCase;

describe('case steps', () => {
  it('runs identification into assistance and elimination out of it, the clock on the first five', () => {
    expect(IDENTIFICATION.at(-1)).toBe('assisted');
    expect(ELIMINATION[0]).toBe('assisted');
    expect(DECIDING).toEqual([
      'verification',
      'comparison',
      'community_review',
      'township_review',
      'county_approval',
    ]);
  });

  it('counts nothing overdue before either deadline', () => {
    expect(daysOverdue(caseAt({ stepDueAt: at(2) }), NOW)).toBe(0);
  });

  it('counts whole days, at least one, past the later-missed deadline', () => {
    expect(daysOverdue(caseAt({ stepDueAt: at(-0.1) }), NOW)).toBe(1);
    expect(daysOverdue(caseAt({ stepDueAt: at(-2.5) }), NOW)).toBe(3);
    expect(daysOverdue(caseAt({ stepDueAt: at(-1), decisionDueAt: at(-4) }), NOW)).toBe(4);
  });

  it('leaves the 15-day decision deadline out once the county has decided', () => {
    expect(daysOverdue(caseAt({ step: 'assisted', decisionDueAt: at(-4) }), NOW)).toBe(0);
    expect(daysOverdue(caseAt({ step: 'county_approval', decisionDueAt: at(-4) }), NOW)).toBe(4);
  });

  it('shows a timestamp as its calendar day, or a dash', () => {
    expect(dayOf('2026-03-20T12:00:00Z')).toBe('2026-03-20');
    expect(dayOf(null)).toBe('—');
  });
});
