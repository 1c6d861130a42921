import { useTranslation } from 'react-i18next';

/** The label of a party level in the language on screen. */
export function useLevelLabel() {
  const { i18n } = useTranslation();
  return (l: { labelZh: string; labelEn: string }) =>
    i18n.language.startsWith('zh') ? l.labelZh : l.labelEn;
}
