export * from './mail-transport.ts';
export * from './send-reminders.ts';
export * from './work-left.ts';
