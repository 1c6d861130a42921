import dayjs from 'dayjs';

/**
 * A deadline as officials read it: one at midnight — where a limit in working days ends — is the end
 * of the day before (`2025-09-30 24:00`), not the start of the next.
 */
export function formatDeadline(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.format('HH:mm') === '00:00'
    ? `${d.subtract(1, 'day').format('YYYY-MM-DD')} 24:00`
    : d.format('YYYY-MM-DD HH:mm');
}
