import { z } from 'zod';
import { ROLES } from './access.ts';
import { Id } from './common.ts';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ScopeRoot = z.object({
  id: Id,
  name: z.string(),
  level: z.string(),
  code: z.string().nullable(),
});
export type ScopeRoot = z.infer<typeof ScopeRoot>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  scopes: z.array(ScopeRoot),
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** Password rule: at least 8 characters from at least 3 of lower, upper, digit, symbol. */
export const Password = z
  .string()
  .min(8, 'at least 8 characters')
  .max(128)
  .refine(
    (p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 3,
    'needs 3 of: lower case, upper case, digit, symbol',
  );
export type Password = z.infer<typeof Password>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
