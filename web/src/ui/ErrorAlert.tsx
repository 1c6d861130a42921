import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { isCode, useErrorText, useReasonText } from './errors.ts';

interface Props {
  error: unknown;
  testId?: string;
  action?: ReactNode;
  /** Given, a 409 reads "changed by someone else" with a reload button that calls it. */
  onReload?(): void;
  /** Given, the description lists these (what no form field showed) instead of every field the server named. */
  left?: string[];
  /** Space below the alert. */
  gap?: number;
}

/** A failed request in words, with each field the server named and its reason (or the lines no field showed). */
export function ErrorAlert({ error, testId = 'api-error', action, onReload, left, gap = 12 }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonText = useReasonText();
  if (!error) return null;
  const stale = onReload !== undefined && isCode(error, 'conflict');
  const details = error instanceof ApiError ? error.details : [];
  const description = left
    ? left.length > 0 && left.join('；')
    : details.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {details.map((d) => (
            <li key={`${d.field}-${d.reason}`}>
              <code>{d.field}</code>: {reasonText(d)}
            </li>
          ))}
        </ul>
      );
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={stale ? t('registry.stale') : errorText(error)}
      description={description || undefined}
      action={
        stale ? (
          <Button size="small" onClick={onReload} data-testid="stale-reload">
            {t('common.reload')}
          </Button>
        ) : (
          action
        )
      }
      style={{ marginBottom: gap }}
    />
  );
}

/** A failed save in a form: `ErrorAlert` offering reload on a 409, listing what no field showed. */
export function SaveError({
  error,
  onReload,
  left = [],
}: {
  error: unknown;
  onReload(): void;
  left?: string[];
}) {
  return <ErrorAlert error={error} onReload={onReload} left={left} testId="save-error" gap={16} />;
}
