import type {
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

/** One page of the signed-in user's notifications, with the count of unread ones. */

export const NOTIFICATIONS = ['notifications'] as const;

/** The user's notifications, newest first; `unreadOnly` leaves out the read ones. */
export function useNotifications(unreadOnly: boolean, page: number, pageSize = 10, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS, { unreadOnly, page, pageSize }],
    queryFn: () =>
      api<NotificationPage>('/notifications', {
        query: { unread: unreadOnly ? 'true' : undefined, page, pageSize },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useNotificationMutation<V>(call: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export const useMarkRead = () =>
  useNotificationMutation((id: string) => api(`/notifications/${id}/read`, { method: 'POST' }));

export const useMarkAllRead = () =>
  useNotificationMutation(() => api('/notifications/read-all', { method: 'POST' }));

/** A link of a notification that stays inside the app; anything else is not followed. */
export const appLink = (link: string | null) =>
  link && link.startsWith('/') && !link.startsWith('//') ? link : null;

const PREFERENCES = ['notification-preferences'] as const;

/** How the signed-in user is told besides the bell. */
export const usePreferences = () =>
  useQuery({
    queryKey: PREFERENCES,
    queryFn: () => api<NotificationPreferences>('/notifications/preferences'),
  });

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) =>
      api<NotificationPreferences>('/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(PREFERENCES, saved),
  });
}
