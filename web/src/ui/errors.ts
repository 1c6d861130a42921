import type { ErrorDetail } from '@anju/contracts';
import type { FormInstance } from 'antd';
import type { i18n as I18n } from 'i18next';
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

/** Splits `reasons` from the reason in a key: a character no sentence holds, so '.' and ':' in reasons stay theirs. */
const SEPARATOR = '\u001f';

/** Params that carry codes rather than words, and the labels they are shown with (a list is `a, b`). */
const CODED: Record<string, string> = {
  level: 'levels',
  parentLevel: 'levels',
  levels: 'levels',
  status: 'codes.householdStatus',
};

/** The words of a reason the API gave for a field (`reasons.<reason>`), its params filled in. */
export function reasonText(i18n: I18n, { reason, params = {} }: Omit<ErrorDetail, 'field'>): string {
  const values = Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const list = CODED[name];
      if (!list) return [name, value];
      const labels = String(value)
        .split(', ')
        .map((code) => i18n.t(`${list}.${code}`, { defaultValue: code }));
      return [name, new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(labels)];
    }),
  );
  return i18n.t(`reasons${SEPARATOR}${reason}`, {
    keySeparator: SEPARATOR,
    nsSeparator: false,
    replace: values,
    defaultValue: reason,
  });
}

/** Returns `reasonText` in the current language. */
export function useReasonText() {
  const { i18n } = useTranslation();
  return (detail: Omit<ErrorDetail, 'field'>) => reasonText(i18n, detail);
}

/** Returns a function putting the API's per-field reasons onto the matching form fields; true when any matched. */
export function useFieldErrors() {
  const text = useReasonText();
  return (form: FormInstance, error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.details.length === 0) return false;
    const known = new Set(Object.keys(form.getFieldsValue(true) as object));
    const fields = error.details
      .filter((d) => known.has(d.field))
      .map((d) => ({ name: d.field, errors: [text(d)] }));
    form.setFields(fields);
    return fields.length > 0;
  };
}

export const isCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;
