import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { studentMigrations } from './migrations.ts';
import { studentRouter } from './router.ts';
import { studentRoutes } from './routes.ts';

export { studentRouter, type StudentRouter } from './router.ts';

export default definePlugin({ ...manifest, migrations: studentMigrations, router: studentRouter, routes: studentRoutes });
