import type { FormInstance } from 'antd';
import { ApiError } from '../../ui/api.ts';
import { useReasonText } from '../../ui/errors.ts';

/**
 * Returns a function putting the API's per-field reasons onto the form's fields; the body's own
 * checks name fields `body.<name>`, the service's `<name>`. True when one landed on a field.
 */
export function useServerFieldErrors() {
  const reasonText = useReasonText();
  return (form: FormInstance, error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const known = new Set(Object.keys(form.getFieldsValue(true) as object));
    const fields = error.details
      .map((d) => ({ ...d, name: d.field.replace(/^body\./, '') }))
      .filter((d) => known.has(d.name))
      .map((d) => ({ name: d.name, errors: [reasonText(d)] }));
    form.setFields(fields);
    return fields.length > 0;
  };
}
