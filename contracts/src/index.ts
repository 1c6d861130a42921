export * from './errors.ts';
export * from './common.ts';
export * from './access.ts';
export * from './auth.ts';
export * from './places.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './notifications.ts';
