import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../ui/api.ts';

/**
 * Returns a function putting the API's per-field reasons onto the form's fields; the body's own
 * checks name fields `body.<name>`, the service's `<name>`. True when one landed on a field.
 */
export function useServerFieldErrors() {
  const { t } = useTranslation();
  return (form: FormInstance, error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const known = new Set(Object.keys(form.getFieldsValue(true) as object));
    const fields = error.details
      .map((d) => ({ name: d.field.replace(/^body\./, ''), reason: d.reason }))
      .filter((d) => known.has(d.name))
      .map((d) => ({ name: d.name, errors: [t(`reasons.${d.reason}`, { defaultValue: d.reason })] }));
    form.setFields(fields);
    return fields.length > 0;
  };
}
