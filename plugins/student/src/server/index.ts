import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { studentMigrations } from './migrations.ts';
import { studentRouter } from './router.ts';
import { studentRoutes } from './routes.ts';
import { studentRetention } from './retention.ts';

export { studentRouter, type StudentRouter } from './router.ts';

export default definePlugin({ ...manifest, migrations: studentMigrations, retention: studentRetention, router: studentRouter, routes: studentRoutes });
