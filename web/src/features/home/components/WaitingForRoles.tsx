import { Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/api.ts';

/** What a new account without roles sees: that it works, what happens next and whom to ask. */
export function WaitingForRoles({ name }: { name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Card data-testid="waiting-for-roles">
      <Result
        status="info"
        title={t('home.waiting.title', { name })}
        subTitle={t('home.waiting.text')}
        extra={[
          <Button key="check" type="primary" loading={me.isFetching} onClick={() => me.refetch()}>
            {t('home.waiting.check')}
          </Button>,
          <Link key="password" to="/password">
            <Button>{t('home.waiting.password')}</Button>
          </Link>,
        ]}
      />
    </Card>
  );
}
