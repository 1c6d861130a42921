import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

/** Returns a function giving the translated, user-facing text of any error. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
    return t('errors.network');
  };
}

/** Returns a function putting the API's per-field reasons onto the matching form fields; true when any matched. */
export function useFieldErrors() {
  const { t } = useTranslation();
  return (form: FormInstance, error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.details.length === 0) return false;
    const known = new Set(Object.keys(form.getFieldsValue(true) as object));
    const fields = error.details
      .filter((d) => known.has(d.field))
      .map((d) => ({ name: d.field, errors: [t(`reasons.${d.reason}`, { defaultValue: d.reason })] }));
    form.setFields(fields);
    return fields.length > 0;
  };
}

export const isCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;
