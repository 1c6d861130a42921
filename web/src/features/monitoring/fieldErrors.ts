import type { FormInstance } from 'antd';
import i18n from '../../i18n/index.ts';
import { ApiError } from '../../ui/api.ts';
import { reasonText } from '../../ui/errors.ts';

/** Puts the API's per-field reasons (`body.wage` → `wage`) onto the form's fields of those names. */
export function showFieldErrors<T>(form: FormInstance<T>, error: unknown, fields: readonly string[]) {
  if (!(error instanceof ApiError)) return;
  const shown = error.details
    .map((d) => ({ name: d.field.replace(/^body\./, ''), errors: [reasonText(i18n, d)] }))
    .filter((f) => fields.includes(f.name));
  form.setFields(shown as Parameters<FormInstance<T>['setFields']>[0]);
}
