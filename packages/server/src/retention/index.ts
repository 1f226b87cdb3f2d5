export * from './purge.ts';
export * from './office-rows.ts';
