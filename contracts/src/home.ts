import { z } from 'zod';

/** The kinds of work counted on the home, in the order the cards show them. */
export const TODO_KEYS = [
  'toAccept',
  'overdue',
  'visitsDue',
  'leads',
  'cases',
  'zeroEmployment',
  'inHand',
  'myReports',
] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

/**
 * The signed-in user's work for today: for each kind their permissions cover, how many items of it
 * lie in their scope; kinds they do not have are left out.
 */
export const HomeTodo = z.object({
  /** Incidents waiting for the caller's rung to accept them. */
  toAccept: z.number().int().optional(),
  /** Open incidents past their deadline. */
  overdue: z.number().int().optional(),
  /** Planned households falling due for a visit within a week, or overdue. */
  visitsDue: z.number().int().optional(),
  /** Open poverty-return leads to verify. */
  leads: z.number().int().optional(),
  /** Monitoring cases whose current step the caller's level owns. */
  cases: z.number().int().optional(),
  /** Zero-employment households not yet cleared. */
  zeroEmployment: z.number().int().optional(),
  /** Incidents being handled (for supervisors). */
  inHand: z.number().int().optional(),
  /** The caller's own reports (for reporters who are not officials). */
  myReports: z.number().int().optional(),
});
export type HomeTodo = z.infer<typeof HomeTodo>;
