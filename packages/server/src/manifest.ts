import type { Role, SchoolConfig } from '@licheng/core';

/** What an office declares about itself: pure data, safe to import in the browser. */
export interface PluginManifest {
  /** kebab-case, never renamed: it names the router, the migration table and the web app. */
  id: string;
  office: { 'zh-TW': string; en: string };
  /** Roles this office's screens are for. */
  roles: readonly Role[];
  /** Whether the office exists at a school of this profile (e.g. practicum: vocational only). */
  appliesTo?: (school: SchoolConfig) => boolean;
}

export function defineManifest<M extends PluginManifest>(manifest: M): M {
  return manifest;
}
