export * from './decide.ts';
export * from './enter.ts';
export * from './files.ts';
export * from './policy.ts';
export * from './resubmit.ts';
export * from './select.ts';
export * from './transition.ts';
export * from './reopen.ts';
