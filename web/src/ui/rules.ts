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
      // the contracts (and zod) load with the first password checked, not with the login page
      validator: async (_: unknown, value: string | undefined) => {
        const { Password } = await import('@anju/contracts');
        if (!Password.safeParse(value ?? '').success) throw new Error(t('password.rule'));
      },
    } satisfies FormRule,
  };
}
