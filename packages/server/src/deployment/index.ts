export * from './deployment.ts';
export * from './migrations.ts';
export * from './school-of-request.ts';
export * from './school-store.ts';
