import { describe, expect, it } from 'vitest';
import { formatDeadline } from './deadline.ts';

describe('formatDeadline', () => {
  it('shows a midnight deadline as the end of the day before, and others as they are', () => {
    // the tests run in China time (TZ=Asia/Shanghai) or UTC: build both instants in the local zone
    expect(formatDeadline(new Date(2025, 9, 1, 0, 0).toISOString())).toBe('2025-09-30 24:00');
    expect(formatDeadline(new Date(2025, 9, 1, 0, 1).toISOString())).toBe('2025-10-01 00:01');
    expect(formatDeadline(new Date(2025, 8, 28, 10, 30).toISOString())).toBe('2025-09-28 10:30');
    expect(formatDeadline(null)).toBe('—');
  });
});
