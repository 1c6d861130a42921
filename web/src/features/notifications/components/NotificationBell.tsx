import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../api.ts';
import { NotificationList } from './NotificationList.tsx';

/** The header bell: the unread count, opening the notification list (a drawer on phones). */
export function NotificationBell({ phone }: { phone: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Only the count is needed here; the newest page is also what the list opens on.
  const unread = useNotifications(false, 1).data?.unread ?? 0;
  const close = () => setOpen(false);

  const bell = (
    <Button
      type="text"
      aria-label={t('inbox.open')}
      onClick={phone ? () => setOpen(true) : undefined}
      data-testid="notification-bell"
      icon={
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      }
    />
  );

  if (phone) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={close}
          placement="right"
          size="100%"
          title={t('inbox.title')}
          styles={{ body: { padding: 12 } }}
        >
          {open && <NotificationList onNavigate={close} />}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('inbox.title')}
      content={
        <div style={{ width: 380, maxHeight: '70vh', overflowY: 'auto' }}>
          <NotificationList onNavigate={close} />
        </div>
      }
    >
      {bell}
    </Popover>
  );
}
