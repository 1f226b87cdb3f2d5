export * from './harness.ts';
export * from './files.ts';
export * from './roster.ts';
export * from './big5.ts';
export * from './filesystems.ts';
export * from './table-contents.ts';
export * from './schedule.ts';
export * from './pdf.ts';
