import type { IncidentDetail } from '@anju/contracts';

const EXTENSION_STEPS = ['ask_extension', 'deny_extension', 'extend'];

/** The assignee's request for more time that nobody has answered yet, if any. */
export function extensionAsked(
  steps: IncidentDetail['steps'],
): { hours?: number; days?: number; note: string | null } | null {
  const last = steps.filter((s) => EXTENSION_STEPS.includes(s.action)).at(-1);
  if (last?.action !== 'ask_extension') return null;
  const { hours, days } = last.data as { hours?: number; days?: number };
  return { hours: hours ?? undefined, days: days ?? undefined, note: last.note };
}
