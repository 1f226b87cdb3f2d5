export { buildServer } from './server.ts';
export { openApp } from './open-app.ts';
export { readSettings, type Settings } from './settings.ts';
export { seedDemo } from './demo/seed.ts';
export { demoSchedule } from './demo/schedule.ts';
