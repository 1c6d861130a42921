import { Password } from '@anju/contracts';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

/** Form rules with translated messages: a required field, and the contract's password rule. */
export function useRules() {
  const { t } = useTranslation();
  return {
    required: (field: string): FormRule => ({
      required: true,
      whitespace: true,
      message: t('common.required', { field }),
    }),
    password: {
      validator: (_: unknown, value: string | undefined) =>
        Password.safeParse(value ?? '').success
          ? Promise.resolve()
          : Promise.reject(new Error(t('password.rule'))),
    } satisfies FormRule,
  };
}
