import type { CaseStep, MonitoringCase } from '@anju/contracts';

/** The identification procedure, from home verification to the county's decision. */
export const IDENTIFICATION: CaseStep[] = [
  'verification',
  'comparison',
  'community_review',
  'township_review',
  'county_approval',
  'assisted',
];
/** Risk elimination, through the same chain. */
export const ELIMINATION: CaseStep[] = [
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
  'eliminated',
];

/** Steps on the 15-day clock from lead to decision. */
export const DECIDING: CaseStep[] = IDENTIFICATION.slice(0, 5);

export const STEP_COLOR: Record<CaseStep, string> = {
  verification: 'blue',
  comparison: 'blue',
  community_review: 'geekblue',
  township_review: 'purple',
  county_approval: 'magenta',
  assisted: 'orange',
  elimination_community: 'cyan',
  elimination_township: 'cyan',
  elimination_county: 'cyan',
  eliminated: 'green',
  not_identified: 'default',
};

export const DAY = 86_400_000;

/** How many whole days (at least one) the case is past its step's or its decision's deadline; 0 when on time. */
export function daysOverdue(c: MonitoringCase, now = Date.now()): number {
  const dues = [c.stepDueAt, DECIDING.includes(c.step) ? c.decisionDueAt : null].filter(
    (d): d is string => !!d,
  );
  const late = Math.max(0, ...dues.map((d) => now - new Date(d).getTime()));
  return late > 0 ? Math.ceil(late / DAY) : 0;
}

/** The local calendar day of a timestamp, or '—' (the app's one day format). */
export { formatDay as dayOf } from '../../ui/format.ts';
