import { describe, expect, it } from 'vitest';
import { monthsHeld, wageOfYear } from './wages.ts';

describe('wage income of a year from employment records', () => {
  it('counts whole months of a job held all year, and a job with no end to the year’s end', () => {
    expect(monthsHeld({ startOn: '2024-01-01', endOn: '2024-12-31' }, 2024)).toBeCloseTo(12);
    expect(wageOfYear([{ monthlyWage: 3000, startOn: '2023-05-01', endOn: null }], 2024)).toEqual({
      months: 12,
      wage: 36000,
    });
  });

  it('takes of a job spanning years only the months of the year asked', () => {
    const r = { monthlyWage: 2400, startOn: '2023-10-01', endOn: '2025-03-31' };
    expect(wageOfYear([r], 2023)).toEqual({ months: 3, wage: 7200 });
    expect(wageOfYear([r], 2024)).toEqual({ months: 12, wage: 28800 });
    expect(wageOfYear([r], 2025)).toEqual({ months: 3, wage: 7200 });
    expect(wageOfYear([r], 2026)).toEqual({ months: 0, wage: 0 });
  });

  it('counts a partial month by the share of its days held, both ends included', () => {
    // 16–31 March: 16 of 31 days; February 2024 has 29 days, 1–14 February is 14 of them
    expect(monthsHeld({ startOn: '2025-03-16', endOn: '2025-03-31' }, 2025)).toBeCloseTo(16 / 31);
    expect(monthsHeld({ startOn: '2024-02-01', endOn: '2024-02-14' }, 2024)).toBeCloseTo(14 / 29);
    expect(wageOfYear([{ monthlyWage: 3100, startOn: '2025-03-16', endOn: '2025-05-15' }], 2025)).toEqual({
      months: 2,
      wage: 6200,
    });
    expect(monthsHeld({ startOn: '2025-06-10', endOn: '2025-06-10' }, 2025)).toBeCloseTo(1 / 30);
  });

  it('adds the jobs of a person, one after another or at the same time', () => {
    const jobs = [
      { monthlyWage: 2000, startOn: '2025-01-01', endOn: '2025-06-30' },
      { monthlyWage: 3000, startOn: '2025-07-01', endOn: null },
      { monthlyWage: 500, startOn: '2025-10-01', endOn: '2025-12-31' },
    ];
    expect(wageOfYear(jobs, 2025)).toEqual({ months: 15, wage: 12000 + 18000 + 1500 });
  });
});
