import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { teachingRouter } from './router.ts';

export { teachingRouter, type TeachingRouter } from './router.ts';

export default definePlugin({ ...manifest, router: teachingRouter });
