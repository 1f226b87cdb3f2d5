export * from './faults.ts';
export * from './file-storage.ts';
export * from './local-file-storage.ts';
export * from './private-fs.ts';
export * from './read-limited.ts';
export * from './references.ts';
export * from './sweep.ts';
export * from './temp-folders.ts';
