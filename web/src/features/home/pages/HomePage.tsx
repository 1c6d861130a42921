import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/api.ts';
import { ScopeSummary } from '../components/ScopeSummary.tsx';
import { TodoCards } from '../components/TodoCards.tsx';
import { WaitingForRoles } from '../components/WaitingForRoles.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  if (me.roles.length === 0) return <WaitingForRoles name={me.displayName} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <TodoCards />
      <Card data-testid="welcome">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('home.roles')}>
            <Space direction="vertical" size={4}>
              {me.roles.map((r) => (
                <div key={r}>
                  <Tag color="red">{t(`roles.${r}`)}</Tag>
                  <Typography.Text type="secondary">{t(`roleDescriptions.${r}`)}</Typography.Text>
                </div>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.scope')}>
            {me.scopes.length ? (
              <Space wrap size={4}>
                {me.scopes.map((s) => (
                  <Tag key={s.id}>
                    {s.name} · {t(`levels.${s.level}`)}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('home.noScope')}</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {me.permissions.includes('place:read') && me.scopes.length > 0 && <ScopeSummary />}
    </Space>
  );
}
