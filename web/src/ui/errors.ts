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

/** Where the form keeps the field a detail names: `members.1.idNumber` → ['members', 1, 'idNumber']. */
export const namePath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** What `useFieldErrors` did: whether a reason landed on a field, and the details no field showed. */
export interface FieldErrorsResult {
  shown: boolean;
  left: ErrorDetail[];
  /** The details no field showed, as `field: reason` lines. */
  lines: string[];
}

/**
 * Returns a function putting the API's per-field reasons onto the form fields they name (`wage`,
 * nested `members.1.idNumber`); `text` words a detail when the form says it its own way.
 */
export function useFieldErrors() {
  const reasonText = useReasonText();
  return (
    form: FormInstance,
    error: unknown,
    text: (detail: ErrorDetail) => string = reasonText,
  ): FieldErrorsResult => {
    if (!(error instanceof ApiError)) return { shown: false, left: [], lines: [] };
    const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
    const left = error.details.filter((d) => !known.has(namePath(d.field).join('.')));
    const fields = error.details
      .filter((d) => !left.includes(d))
      .map((d) => ({ name: namePath(d.field), errors: [text(d)] }));
    form.setFields(fields);
    return { shown: fields.length > 0, left, lines: left.map((d) => `${d.field}: ${reasonText(d)}`) };
  };
}

export const isCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;
