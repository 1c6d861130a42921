import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { useErrorText } from './errors.ts';
import { ForbiddenPage, NotFoundPage } from './StatusPages.tsx';

/** Shows a failed load: the 404 or 403 page for those codes, otherwise a translated alert. */
export function ErrorView({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (error instanceof ApiError && error.code === 'not_found') return <NotFoundPage />;
  if (error instanceof ApiError && error.code === 'forbidden') return <ForbiddenPage />;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={text(error)}
      description={requestId && t('common.requestId', { id: requestId })}
    />
  );
}
