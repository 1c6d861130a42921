import type { Kpi, KpiKey } from '@anju/contracts';

/** A KPI value as shown: rates in per cent, hours with one decimal, '—' when there is nothing to measure. */
export function formatKpi(key: KpiKey, k: Kpi): string {
  const v = k[key];
  if (v === null) return '—';
  if (key.endsWith('Rate')) return `${(v * 100).toFixed(1)}%`;
  if (key === 'averageHandlingHours') return v.toFixed(1);
  return String(v);
}

/** The counts a rate is made of, as "numerator / denominator". */
export function kpiParts(key: KpiKey, k: Kpi): string | null {
  switch (key) {
    case 'timelyAcceptanceRate':
      return `${k.acceptedInTime} / ${k.reported}`;
    case 'onTimeClosureRate':
      return `${k.closedOnTime} / ${k.fellDue}`;
    case 'satisfactionRate':
      return `${k.satisfied} / ${k.callbacks}`;
    case 'averageHandlingHours':
      return `n = ${k.closed}`;
    default:
      return null;
  }
}

/** A value for charts: rates in per cent, the rest as they are. */
export const chartValue = (key: KpiKey, k: Kpi): number | null => {
  const v = k[key];
  return v === null ? null : key.endsWith('Rate') ? Math.round(v * 1000) / 10 : v;
};
