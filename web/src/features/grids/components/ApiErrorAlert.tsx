import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../../ui/api.ts';
import { useErrorText, useReasonText } from '../../../ui/errors.ts';

/** A failed request in words, with each field the server named and its reason. */
export function ApiErrorAlert({
  error,
  testId = 'api-error',
  action,
}: {
  error: unknown;
  testId?: string;
  action?: ReactNode;
}) {
  const errorText = useErrorText();
  const reasonText = useReasonText();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorText(error)}
      description={
        details.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {details.map((d) => (
              <li key={`${d.field}-${d.reason}`}>
                <code>{d.field}</code>: {reasonText(d)}
              </li>
            ))}
          </ul>
        )
      }
      action={action}
      style={{ marginBottom: 12 }}
    />
  );
}
