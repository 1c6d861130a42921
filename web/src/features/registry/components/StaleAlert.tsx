import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { isStale } from '../codes.ts';

/** A failed save: "changed by someone else — reload" on a 409, else the error in words and what no field showed. */
export function SaveError({
  error,
  onReload,
  left = [],
}: {
  error: unknown;
  onReload(): void;
  left?: string[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  const stale = isStale(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="save-error"
      title={stale ? t('registry.stale') : errorText(error)}
      description={left.length > 0 ? left.join('；') : undefined}
      action={
        stale && (
          <Button size="small" onClick={onReload} data-testid="stale-reload">
            {t('common.reload')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
