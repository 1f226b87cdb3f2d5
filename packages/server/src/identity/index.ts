export * from './claims.ts';
export * from './host-token.ts';
