export * from './acting-for.ts';
export * from './staff-state.ts';
export * from './proxied-courses.ts';
