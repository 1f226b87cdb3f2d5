import type { Role, SchoolConfig } from '@licheng/core';

/** What an office declares about itself: pure data, safe to import in the browser. */
export interface PluginManifest {
  /** kebab-case, never renamed: it names the router, the migration table and the web app. */
  id: string;
  office: { 'zh-TW': string; en: string };
  /**
   * What the navigation calls the office for users of a role, where its office name would not
   * tell them (a student finds 註冊組's screen as 我的成績). The first of the user's roles listed wins.
   */
  labels?: Partial<Record<Role, { 'zh-TW': string; en: string }>>;
  /** Roles this office's screens are for. */
  roles: readonly Role[];
  /** Whether the office exists at a school of this profile (e.g. practicum: vocational only). */
  appliesTo?: (school: SchoolConfig) => boolean;
  /**
   * Elements a portal shows above every screen to users holding one of `roles`, whichever
   * office they are in (the receipt reminder a student must see on signing in). Each is defined
   * by the office's web module, and takes `token`, `api-base` and `locale` like any widget.
   */
  reminders?: readonly PluginReminder[];
  /**
   * A desk every office also uses (校內競賽: each office registers the competitions it ran): it
   * is listed after the user's own offices, so signing in lands on their own desk.
   */
  sharedDesk?: boolean;
}

export interface PluginReminder {
  /** A custom element the office's web module defines: `licheng-…`. */
  tag: `licheng-${string}`;
  roles: readonly Role[];
}

/** The manifest as given; its `id` keeps its literal type, so tools can type an office's paths (`student.outcomes.list`). */
export function defineManifest<const Id extends string, M extends PluginManifest>(manifest: M & { id: Id }): M & { id: Id } {
  return manifest;
}
