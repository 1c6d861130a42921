import { SettingOutlined } from '@ant-design/icons';
import type { Notification } from '@anju/contracts';
import { Badge, Button, Flex, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { appLink, useMarkAllRead, useMarkRead, useNotifications } from '../api.ts';
import { useNotificationText } from '../useNotificationText.ts';

const PAGE_SIZE = 10;

/** The user's notifications, newest first: unread ones marked, each one read by opening it or by its button. */
export function NotificationList({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const text = useNotificationText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications(unreadOnly, page, PAGE_SIZE);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const link = appLink(n.link);
    if (link) {
      onNavigate();
      navigate(link);
    }
  };

  return (
    <Flex vertical gap={8} data-testid="notification-list">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('inbox.all') },
            { value: 'unread', label: t('inbox.unreadOnly') },
          ]}
        />
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            icon={<SettingOutlined />}
            onClick={() => {
              onNavigate();
              navigate('/notifications/settings');
            }}
            data-testid="notification-settings-link"
          >
            {t('inbox.settings')}
          </Button>
          <Button
            size="small"
            type="link"
            disabled={!list.data?.unread}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
            data-testid="notification-read-all"
          >
            {t('inbox.markAllRead')}
          </Button>
        </Flex>
      </Flex>
      {list.error ? (
        <ErrorView error={list.error} />
      ) : (
        <List<Notification>
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items}
          locale={{ emptyText: t('inbox.empty') }}
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE && {
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total,
              size: 'small',
              simple: true,
              align: 'center',
              onChange: setPage,
            }
          }
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              data-unread={n.readAt ? undefined : 'true'}
              style={{ cursor: appLink(n.link) || !n.readAt ? 'pointer' : undefined, paddingInline: 4 }}
              onClick={() => open(n)}
              actions={
                n.readAt
                  ? undefined
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={(e) => {
                          e.stopPropagation();
                          markRead.mutate(n.id);
                        }}
                        data-testid="notification-read"
                      >
                        {t('inbox.markRead')}
                      </Button>,
                    ]
              }
            >
              <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
                <Badge status={n.readAt ? 'default' : 'error'} />
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>
                    {text(n)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
