import type { Kpi } from '@anju/contracts';
import { describe, expect, it } from 'vitest';
import { chartValue, formatKpi, kpiParts } from './format.ts';

/** March: 40 reported, 30 accepted in time, 25 closed and 5 open past due of which 20 replied in time, 9 of 12 callbacks satisfied. */
const march: Kpi = {
  reported: 40,
  accepted: 36,
  acceptedInTime: 30,
  timelyAcceptanceRate: 0.75,
  closed: 25,
  closedOnTime: 20,
  fellDue: 30,
  onTimeClosureRate: 0.667,
  callbacks: 12,
  satisfied: 9,
  satisfactionRate: 0.75,
  averageHandlingHours: 17.26,
  overdueOpen: 3,
};

describe('KPI formatting', () => {
  it('shows rates in per cent with one decimal, hours with one decimal, counts as they are', () => {
    expect(formatKpi('timelyAcceptanceRate', march)).toBe('75.0%');
    expect(formatKpi('onTimeClosureRate', { ...march, onTimeClosureRate: 2 / 3 })).toBe('66.7%');
    expect(formatKpi('averageHandlingHours', march)).toBe('17.3');
    expect(formatKpi('overdueOpen', march)).toBe('3');
  });

  it('shows a dash when there is nothing to measure', () => {
    expect(formatKpi('satisfactionRate', { ...march, satisfactionRate: null })).toBe('—');
  });

  it('names the counts a rate is made of', () => {
    expect(kpiParts('timelyAcceptanceRate', march)).toBe('30 / 40');
    // over what fell due, the overdue open ones too, not only the closed
    expect(kpiParts('onTimeClosureRate', march)).toBe('20 / 30');
    expect(kpiParts('satisfactionRate', march)).toBe('9 / 12');
    expect(kpiParts('averageHandlingHours', march)).toBe('n = 25');
    expect(kpiParts('overdueOpen', march)).toBeNull();
  });

  it('gives charts rates in per cent rounded to one decimal', () => {
    expect(chartValue('onTimeClosureRate', { ...march, onTimeClosureRate: 2 / 3 })).toBe(66.7);
    expect(chartValue('averageHandlingHours', march)).toBe(17.26);
    expect(chartValue('timelyAcceptanceRate', { ...march, timelyAcceptanceRate: null })).toBeNull();
  });
});
