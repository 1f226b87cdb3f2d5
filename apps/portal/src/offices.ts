import type { ElementLifecycles } from '@licheng/client';

/**
 * The office modules this portal knows how to load, each its own chunk, fetched on first
 * visit. Which ones a user sees comes from `platform.me` (enabled at the school and matching
 * one of the user's roles). Adding an office: one line here and one dependency.
 */
export interface OfficeModule {
  id: string;
  /** URL prefix where the office is active. */
  path: string;
  load: () => Promise<ElementLifecycles>;
}

export const officeModules: OfficeModule[] = [
  { id: 'student', path: '/student', load: () => import('@licheng/plugin-student/web') },
  { id: 'teaching', path: '/teaching', load: () => import('@licheng/plugin-teaching/web') },
  { id: 'registry', path: '/registry', load: () => import('@licheng/plugin-registry/web') },
];
