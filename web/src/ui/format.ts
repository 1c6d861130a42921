import dayjs from 'dayjs';

type When = string | null | undefined;

/** A calendar day the way every page shows one (2026-03-05); '—' when missing. */
export const formatDay = (iso: When) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** A moment the way every page shows one (2026-03-05 14:07, local time); '—' when missing. */
export const formatDateTime = (iso: When) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
