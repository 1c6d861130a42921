import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

const home = (label: string) => (
  <Link to="/">
    <Button type="primary">{label}</Button>
  </Link>
);

/** Shown when the route exists but the user's roles do not allow it. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('status.forbidden')}
      subTitle={t('status.forbiddenHint')}
      extra={home(t('common.backHome'))}
      data-testid="page-403"
    />
  );
}

/** Shown for unknown routes and for records the API reports as not found. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('status.notFound')}
      subTitle={t('status.notFoundHint')}
      extra={home(t('common.backHome'))}
      data-testid="page-404"
    />
  );
}
