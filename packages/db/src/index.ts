export * from './connect.ts';
export * from './ids.ts';
export * from './migrate.ts';
export * from './locks.ts';
export * from './errors.ts';
