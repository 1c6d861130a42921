import { useTranslation } from 'react-i18next';

/** Formats an ISO timestamp in the current language; '—' when missing. */
export function useDateTime() {
  const { i18n } = useTranslation();
  return (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language, { hour12: false }) : '—');
}
