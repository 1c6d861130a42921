import { z } from 'zod';
import { ROLES } from './access.ts';
import { Password } from './auth.ts';
import { Id, Paging, Version } from './common.ts';

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,63}$/, 'lower-case letters, digits, _ . -; 3 to 64, starting with a letter');
export type Username = z.infer<typeof Username>;

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  scopes: z.array(z.object({ id: Id, name: z.string(), level: z.string() })),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = Paging.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserCreate = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(64),
  password: Password,
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  disabled: z.boolean().optional(),
  version: Version,
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserGrant = z.object({
  roles: z.array(z.enum(ROLES)).max(5),
  scopePlaceIds: z.array(Id).max(50),
  version: Version,
});
export type UserGrant = z.infer<typeof UserGrant>;

export const PasswordReset = z.object({ password: Password });
export type PasswordReset = z.infer<typeof PasswordReset>;
