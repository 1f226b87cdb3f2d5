import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { studentRouter } from './router.ts';
import { studentRoutes } from './routes.ts';

export { studentRouter, type StudentRouter } from './router.ts';

export default definePlugin({ ...manifest, router: studentRouter, routes: studentRoutes });
