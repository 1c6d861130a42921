import { ETHNIC_GROUPS, parseIdNumber, type IdNumberProblem } from '@anju/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../ui/api.ts';
import { useDictionary, type DictionaryEntry } from './api.ts';

/** The registry's code lists whose labels live in i18n under `codes.<list>.<code>`. */
export type CodeList =
  | 'relation'
  | 'sex'
  | 'resettlement'
  | 'poverty'
  | 'labour'
  | 'education'
  | 'health'
  | 'personStatus'
  | 'householdStatus'
  | 'event'
  | 'side';

/** Labels of code lists, ethnic groups (from the contracts) and dictionary entries in the current language. */
export function useCodes() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const tags = useDictionary('person_tag');
  const duties = useDictionary('jurisdiction_duty');
  const fromDictionary = (entries: DictionaryEntry[] | undefined, code: string) => {
    const e = entries?.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  return {
    label: (list: CodeList, code: string | null | undefined) =>
      code ? t(`codes.${list}.${code}`, { defaultValue: code }) : '—',
    ethnicity: (code: string) => {
      const g = ETHNIC_GROUPS.find((e) => e[0] === code);
      return g ? (english ? g[2] : g[1]) : code;
    },
    ethnicOptions: ETHNIC_GROUPS.map(([code, zh, en]) => ({ value: code, label: english ? en : zh })),
    tag: (code: string) => fromDictionary(tags.data, code),
    tagOptions: (tags.data ?? []).map((d) => ({ value: d.code, label: english ? d.labelEn : d.labelZh })),
    duty: (code: string) => fromDictionary(duties.data, code),
    dutyOptions: (duties.data ?? []).map((d) => ({ value: d.code, label: english ? d.labelEn : d.labelZh })),
    options: (list: CodeList, codes: readonly string[]) =>
      codes.map((c) => ({ value: c, label: t(`codes.${list}.${c}`) })),
  };
}

/** A 409 'conflict': somebody else saved the record first (an ID number already registered is 'duplicate'). */
export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'conflict';

/** Client-side check of an ID number: the problem, or the birth date and sex it encodes. */
export function checkIdNumber(
  value: string | undefined,
):
  | { ok: true; birthDate: string; sex: 'male' | 'female'; value: string }
  | { ok: false; problem: IdNumberProblem }
  | null {
  if (!value?.trim()) return null;
  const r = parseIdNumber(value);
  return r.ok ? { ok: true, birthDate: r.id.birthDate, sex: r.id.sex, value: r.id.value } : r;
}
