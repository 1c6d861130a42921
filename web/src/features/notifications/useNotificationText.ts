import type { Notification } from '@anju/contracts';
import { useTranslation } from 'react-i18next';

/** Returns a function giving a notification's text: `notifications.<kind>` with its params, else the kind code. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (n: Pick<Notification, 'kind' | 'params'>): string => {
    const key = `notifications.${n.kind}`;
    // Params go in `replace`, so a param named like an i18next option (count, lng) stays a plain value.
    return i18n.exists(key) ? t(key, { replace: n.params }) : n.kind;
  };
}
