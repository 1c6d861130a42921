import type { Notification } from '@anju/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NOTIFICATIONS, appLink, useMarkRead } from './api.ts';
import { useNotificationText } from './useNotificationText.ts';

const GIVE_UP_RETRY_MS = 30_000;

/**
 * Listens to the server's notification stream while mounted: each new notification refreshes the
 * list and count and shows a toast. EventSource reconnects by itself after a dropped connection,
 * and the list is refreshed on each reconnect, so nothing sent in between is missed. A new session
 * (any change of `session`) opens a new stream.
 */
export function useNotificationStream(session: string, enabled: boolean) {
  const client = useQueryClient();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const text = useNotificationText();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  // The latest render's helpers, read by the long-lived listener without reconnecting.
  const toast = useRef<(n: Notification) => void>(() => {});
  useEffect(() => {
    toast.current = (n) => {
      const link = appLink(n.link);
      notification.info({
        key: `notification-${n.id}`,
        title: t('inbox.newOne'),
        description: text(n),
        placement: 'topRight',
        props: { 'data-testid': 'notification-toast' } as HTMLAttributes<HTMLDivElement>,
        style: link ? { cursor: 'pointer' } : undefined,
        onClick: () => {
          notification.destroy(`notification-${n.id}`);
          markRead.mutate(n.id);
          if (link) navigate(link);
        },
      });
    };
  });

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource;
    let opened = false;
    let stopped = false;
    let retry: number | undefined;
    const onNotification = (event: MessageEvent<string>) => {
      void client.invalidateQueries({ queryKey: NOTIFICATIONS });
      try {
        toast.current(JSON.parse(event.data) as Notification);
      } catch {
        // A malformed event still refreshed the list; there is nothing to show for it.
      }
    };
    const connect = () => {
      source = new EventSource('/api/notifications/stream', { withCredentials: true });
      source.addEventListener('open', () => {
        // The first open follows the list's own load; a reopen may have missed something.
        if (opened) void client.invalidateQueries({ queryKey: NOTIFICATIONS });
        opened = true;
      });
      source.addEventListener('notification', onNotification);
      source.addEventListener('error', () => {
        // EventSource retries dropped connections itself, but gives up on an error answer (a proxy's 502).
        if (source.readyState === EventSource.CLOSED && !stopped)
          retry = window.setTimeout(connect, GIVE_UP_RETRY_MS);
      });
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source.close();
    };
  }, [session, enabled, client]);
}
