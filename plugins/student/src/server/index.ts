import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { studentRouter } from './router.ts';

export { studentRouter, type StudentRouter } from './router.ts';

export default definePlugin({ ...manifest, router: studentRouter });
