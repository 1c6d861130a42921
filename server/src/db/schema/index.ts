export * from './places.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './notifications.ts';
export * from './registry.ts';
export * from './registry-import.ts';
export * from './incidents.ts';
