export * from './places.ts';
export * from './users.ts';
export * from './audit.ts';
